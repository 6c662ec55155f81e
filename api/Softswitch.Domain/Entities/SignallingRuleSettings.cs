namespace Softswitch.Domain;

/// <summary>
/// The platform's rules for the anti-fraud signalling layer, as the platform admin last set them through the API
/// (at most one row). Without a row the switch uses its <c>Softswitch:Fraud</c> settings; the sizes of its tables stay
/// settings in either case.
/// </summary>
public class SignallingRuleSettings : Entity
{
    public const int PatternMaxLength = 100;
    public const int MaxPatterns = 200;
    public const int MaxTrustedBlocks = 1_000;

    public int FloodRequests { get; set; }

    public int FloodWindowSeconds { get; set; }

    public int BanSeconds { get; set; }

    public int MaxBanSeconds { get; set; }

    public int RepeatOffenceSeconds { get; set; }

    public List<string> ScannerPatterns { get; set; } = [];

    public int SweepDistinctUsers { get; set; }

    public int SweepWindowSeconds { get; set; }

    public int AuthFailuresPerAddress { get; set; }

    public int AuthFailureWindowSeconds { get; set; }

    public int PhoneAuthFailures { get; set; }

    public int PhoneAuthFailureWindowSeconds { get; set; }

    public int TrustedThresholdMultiplier { get; set; }

    /// <summary>The platform's trusted CIDR blocks (canonical form).</summary>
    public List<string> TrustedAddresses { get; set; } = [];

    /// <summary>Rules that only report what they would do.</summary>
    public List<string> MonitorRules { get; set; } = [];

    /// <summary>Warning levels below the flood, sweep and digest-failure thresholds; null: none.</summary>
    public int? FloodWarningRequests { get; set; }

    public int? SweepWarningUsers { get; set; }

    public int? AuthFailuresWarning { get; set; }

    public int? PhoneAuthFailuresWarning { get; set; }
}
