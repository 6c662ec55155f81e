namespace Softswitch.Sdk;

/// <summary>An operator or reseller, walled off from every other tenant.</summary>
public sealed class Tenant
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string SipDomain { get; init; }

    public required TenantStatus Status { get; init; }

    public required string DefaultCurrency { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}
