namespace Softswitch.Domain;

/// <summary>
/// The admission rules that act for a tenant, after the switch knows whose call it is: a tenant may set their SIP
/// answer or run them monitor-only. Rules before that point (protocol checks, platform capacity, banned sources) are
/// the platform's and answer the same for everyone.
/// </summary>
public static class RefusalRules
{
    public const string AccountAccessIp = "account-access-ip";
    public const string CallRate = "call-rate";
    public const string IngressCapacity = "ingress-capacity";
    public const string AccountCapacity = "account-capacity";

    public static IReadOnlySet<string> TenantRules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        AccountAccessIp,
        CallRate,
        IngressCapacity,
        AccountCapacity,
    };
}
