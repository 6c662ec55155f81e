using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A tenant: an operator or reseller whose data is walled off from every other tenant.</summary>
public sealed record TenantResponse(
    string Id, string Name, string SipDomain, TenantStatus Status, string DefaultCurrency,
    DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Creates or replaces a tenant. <c>sip_domain</c> is the digest realm of its phones and must be unique.</summary>
public sealed record TenantRequest(string? Name, string? SipDomain, TenantStatus? Status, string? DefaultCurrency);

public static class TenantMapping
{
    public static TenantResponse AsResponse(this Tenant t) =>
        new(t.Id, t.Name, t.SipDomain, t.Status, t.DefaultCurrency, t.CreatedAt, t.UpdatedAt, t.Version);
}
