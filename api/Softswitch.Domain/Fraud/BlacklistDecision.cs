namespace Softswitch.Domain.Fraud;

/// <summary>Whether a call may go on; when refused, the entry or rule that refused it.</summary>
public readonly record struct BlacklistDecision(bool Refused, BlacklistKey Key, FraudRuleSpec? Rule)
{
    public const int DefaultResponseCode = 403;

    public static BlacklistDecision Admit => default;

    /// <summary>The rule's configured status, or 403 for an entry an operator added.</summary>
    public int ResponseCode => Rule?.ResponseCode ?? DefaultResponseCode;
}
