namespace Softswitch.Domain.Fraud;

/// <summary>
/// Receives what a <see cref="TenantBlacklist"/> found. In the switch the calls come on the call path: they must
/// only queue. A back-test collects them.
/// </summary>
public interface IBlacklistFindingSink
{
    void Found(BlacklistFinding finding);

    /// <summary>A refused attempt moved a rule entry's expiry (VOS3000: expiry counts from the last attempt).</summary>
    void Extended(string tenantId, BlacklistKey key, DateTimeOffset expiresAt);
}
