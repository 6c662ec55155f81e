namespace Softswitch.Sdk;

/// <summary>Replaces every rule of the anti-fraud signalling layer (platform admin); the warning levels are optional.</summary>
public sealed class SignallingRulesOptions
{
    public required int FloodRequests { get; init; }

    public required int FloodWindowSeconds { get; init; }

    public required int BanSeconds { get; init; }

    public required int MaxBanSeconds { get; init; }

    public required int RepeatOffenceSeconds { get; init; }

    public required IReadOnlyList<string> ScannerPatterns { get; init; }

    public required int SweepDistinctUsers { get; init; }

    public required int SweepWindowSeconds { get; init; }

    public required int AuthFailuresPerAddress { get; init; }

    public required int AuthFailureWindowSeconds { get; init; }

    public required int PhoneAuthFailures { get; init; }

    public required int PhoneAuthFailureWindowSeconds { get; init; }

    public required int TrustedThresholdMultiplier { get; init; }

    public required IReadOnlyList<string> TrustedAddresses { get; init; }

    public required IReadOnlyList<string> MonitorRules { get; init; }

    public int? FloodWarningRequests { get; init; }

    public int? SweepWarningUsers { get; init; }

    public int? AuthFailuresWarning { get; init; }

    public int? PhoneAuthFailuresWarning { get; init; }
}
