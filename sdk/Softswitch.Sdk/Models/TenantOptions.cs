namespace Softswitch.Sdk;

/// <summary>Creates or replaces a tenant (platform admin).</summary>
public sealed class TenantOptions
{
    public required string Name { get; init; }

    public required string SipDomain { get; init; }

    public TenantStatus? Status { get; init; }

    public required string DefaultCurrency { get; init; }
}
