namespace Softswitch.Switch.Numbers;

/// <summary>
/// Why the number layer refuses a call: the stable rule id (for counters, CDRs and security events), the SIP status
/// and the Reason text (RFC 3326) naming the rule. <see cref="None"/> lets the call through.
/// </summary>
public readonly record struct NumberRefusal(string? RuleId, int Status, string? Reason)
{
    /// <summary>The number layer is not loaded and the check needs it (database down at start).</summary>
    public const string UnavailableRule = "number-layer-unavailable";

    public static NumberRefusal None => default;

    public bool Refuses => RuleId is not null;

    public static NumberRefusal Unavailable { get; } = new(UnavailableRule, 503, "Number lists not loaded yet");
}
