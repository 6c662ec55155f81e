using Softswitch.Domain;
using Softswitch.Switch.Fraud;

namespace Softswitch.Media.Fraud;

/// <summary>Between the platform's stored signalling rules and the options the guard runs on.</summary>
public static class SignallingRuleRows
{
    /// <summary>The guard's options from <paramref name="row"/>, with the table sizes of <paramref name="startup"/> (fixed at start).</summary>
    public static SignallingGuardOptions ToOptions(SignallingRuleSettings row, SignallingGuardOptions startup)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(startup);
        return new SignallingGuardOptions
        {
            FloodRequests = row.FloodRequests,
            FloodWindowSeconds = row.FloodWindowSeconds,
            BanSeconds = row.BanSeconds,
            MaxBanSeconds = row.MaxBanSeconds,
            RepeatOffenceSeconds = row.RepeatOffenceSeconds,
            ScannerPatterns = string.Join(',', row.ScannerPatterns),
            SweepDistinctUsers = row.SweepDistinctUsers,
            SweepWindowSeconds = row.SweepWindowSeconds,
            AuthFailuresPerAddress = row.AuthFailuresPerAddress,
            AuthFailureWindowSeconds = row.AuthFailureWindowSeconds,
            PhoneAuthFailures = row.PhoneAuthFailures,
            PhoneAuthFailureWindowSeconds = row.PhoneAuthFailureWindowSeconds,
            TrustedThresholdMultiplier = row.TrustedThresholdMultiplier,
            TrustedAddresses = string.Join(',', row.TrustedAddresses),
            MonitorRules = string.Join(',', row.MonitorRules),
            FloodWarningRequests = row.FloodWarningRequests ?? 0,
            SweepWarningUsers = row.SweepWarningUsers ?? 0,
            AuthFailuresWarning = row.AuthFailuresWarning ?? 0,
            PhoneAuthFailuresWarning = row.PhoneAuthFailuresWarning ?? 0,
            MaxTrackedSources = startup.MaxTrackedSources,
            MaxBans = startup.MaxBans,
        };
    }

    /// <summary>The rules of <paramref name="options"/> as a row (what the API shows before anyone has set them).</summary>
    public static SignallingRuleSettings FromOptions(SignallingGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SignallingRuleSettings
        {
            FloodRequests = options.FloodRequests,
            FloodWindowSeconds = options.FloodWindowSeconds,
            BanSeconds = options.BanSeconds,
            MaxBanSeconds = options.MaxBanSeconds,
            RepeatOffenceSeconds = options.RepeatOffenceSeconds,
            ScannerPatterns = [.. options.ScannerPatternList],
            SweepDistinctUsers = options.SweepDistinctUsers,
            SweepWindowSeconds = options.SweepWindowSeconds,
            AuthFailuresPerAddress = options.AuthFailuresPerAddress,
            AuthFailureWindowSeconds = options.AuthFailureWindowSeconds,
            PhoneAuthFailures = options.PhoneAuthFailures,
            PhoneAuthFailureWindowSeconds = options.PhoneAuthFailureWindowSeconds,
            TrustedThresholdMultiplier = options.TrustedThresholdMultiplier,
            TrustedAddresses = [.. options.TrustedBlocks.Select(b => b.ToString())],
            MonitorRules = [.. options.MonitorRuleList],
            FloodWarningRequests = NullWhenNone(options.FloodWarningRequests),
            SweepWarningUsers = NullWhenNone(options.SweepWarningUsers),
            AuthFailuresWarning = NullWhenNone(options.AuthFailuresWarning),
            PhoneAuthFailuresWarning = NullWhenNone(options.PhoneAuthFailuresWarning),
        };
    }

    private static int? NullWhenNone(int level) => level == 0 ? null : level;
}
