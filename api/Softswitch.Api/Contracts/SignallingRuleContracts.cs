using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// The platform's signalling-layer rules in force: <c>origin</c> is <c>api</c> once set through this API, else
/// <c>settings</c> (the <c>Softswitch:Fraud</c> configuration the switch started with).
/// </summary>
public sealed record SignallingRulesResponse(
    string Origin,
    int FloodRequests,
    int FloodWindowSeconds,
    int BanSeconds,
    int MaxBanSeconds,
    int RepeatOffenceSeconds,
    IReadOnlyList<string> ScannerPatterns,
    int SweepDistinctUsers,
    int SweepWindowSeconds,
    int AuthFailuresPerAddress,
    int AuthFailureWindowSeconds,
    int PhoneAuthFailures,
    int PhoneAuthFailureWindowSeconds,
    int TrustedThresholdMultiplier,
    IReadOnlyList<string> TrustedAddresses,
    IReadOnlyList<string> MonitorRules,
    int? FloodWarningRequests,
    int? SweepWarningUsers,
    int? AuthFailuresWarning,
    int? PhoneAuthFailuresWarning,
    long Version);

/// <summary>
/// Replaces the platform's signalling rules (a PUT is a full replacement: every field is required but the four warning
/// levels, which are absent or null when a rule has none, and otherwise below the level that bans or suspends).
/// </summary>
public sealed record SignallingRulesRequest(
    int? FloodRequests,
    int? FloodWindowSeconds,
    int? BanSeconds,
    int? MaxBanSeconds,
    int? RepeatOffenceSeconds,
    IReadOnlyList<string>? ScannerPatterns,
    int? SweepDistinctUsers,
    int? SweepWindowSeconds,
    int? AuthFailuresPerAddress,
    int? AuthFailureWindowSeconds,
    int? PhoneAuthFailures,
    int? PhoneAuthFailureWindowSeconds,
    int? TrustedThresholdMultiplier,
    IReadOnlyList<string>? TrustedAddresses,
    IReadOnlyList<string>? MonitorRules,
    int? FloodWarningRequests = null,
    int? SweepWarningUsers = null,
    int? AuthFailuresWarning = null,
    int? PhoneAuthFailuresWarning = null);

public static class SignallingRuleMapping
{
    public static SignallingRulesResponse AsResponse(this SignallingRuleSettings s, string origin) => new(
        origin, s.FloodRequests, s.FloodWindowSeconds, s.BanSeconds, s.MaxBanSeconds, s.RepeatOffenceSeconds, s.ScannerPatterns,
        s.SweepDistinctUsers, s.SweepWindowSeconds, s.AuthFailuresPerAddress, s.AuthFailureWindowSeconds, s.PhoneAuthFailures,
        s.PhoneAuthFailureWindowSeconds, s.TrustedThresholdMultiplier, s.TrustedAddresses, s.MonitorRules, s.FloodWarningRequests,
        s.SweepWarningUsers, s.AuthFailuresWarning, s.PhoneAuthFailuresWarning, s.Version);
}
