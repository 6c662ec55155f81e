namespace Softswitch.Domain;

/// <summary>A customer of the platform: a carrier or reseller with its own accounts, gateways and rates.</summary>
public class Tenant : Entity
{
    public const int NameMaxLength = 200;
    public const int SipDomainMaxLength = 253;

    public string Name { get; set; } = "";

    /// <summary>
    /// Globally unique SIP domain, stored lowercase (DNS names are case-insensitive, RFC 4343).
    /// It is the digest realm of the tenant's phones, so changing it invalidates their HA1 hashes.
    /// </summary>
    public string SipDomain
    {
        get;
        set => field = value.ToLowerInvariant();
    } = "";

    public TenantStatus Status { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public string DefaultCurrency { get; set; } = "";

    /// <summary>At most one per rule of <see cref="RefusalRules.TenantRules"/>; a rule without one is enforced with its default answer.</summary>
    public List<RefusalPolicy> RefusalPolicies { get; set; } = [];
}
