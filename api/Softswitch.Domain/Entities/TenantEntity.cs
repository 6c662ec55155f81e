namespace Softswitch.Domain;

/// <summary>A row owned by one tenant. The data layer fills <see cref="TenantId"/> from the current tenant on insert.</summary>
public abstract class TenantEntity : Entity
{
    public string TenantId { get; set; } = "";
}
