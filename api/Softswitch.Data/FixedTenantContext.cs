namespace Softswitch.Data;

/// <summary>An <see cref="ITenantContext"/> with a fixed tenant: for jobs that work tenant by tenant, tests and design-time tooling.</summary>
public sealed class FixedTenantContext(string? tenantId) : ITenantContext
{
    /// <summary>Platform-level work: no tenant.</summary>
    public static FixedTenantContext None { get; } = new(null);

    public string? TenantId { get; } = tenantId;
}
