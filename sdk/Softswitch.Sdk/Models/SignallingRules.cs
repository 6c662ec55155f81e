namespace Softswitch.Sdk;

/// <summary>The signalling layer's rules in force (platform admin); <see cref="Origin"/> is <c>api</c> when set through the API, <c>settings</c> when from configuration.</summary>
public sealed class SignallingRules
{
    public required string Origin { get; init; }

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

    public required int? FloodWarningRequests { get; init; }

    public required int? SweepWarningUsers { get; init; }

    public required int? AuthFailuresWarning { get; init; }

    public required int? PhoneAuthFailuresWarning { get; init; }

    public required long Version { get; init; }
}
