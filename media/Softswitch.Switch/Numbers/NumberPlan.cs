using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// Every tenant's number layer at one moment, immutable; a refresher publishes a new one when the control plane
/// changes. Until the first load from the database (<see cref="Loaded"/> false) the switch does not know the lists,
/// groups or classes settings, and refuses the calls whose checks need them rather than guess.
/// </summary>
public sealed class NumberPlan
{
    private readonly FrozenDictionary<string, TenantNumbers> _tenants;

    // Tenants with nothing stored share nothing: each gets its own defaults (and classification cache), made once.
    private readonly ConcurrentDictionary<string, TenantNumbers> _defaults = new(StringComparer.Ordinal);

    public NumberPlan(bool loaded, FrozenDictionary<string, TenantNumbers> tenants)
    {
        Loaded = loaded;
        _tenants = tenants;
    }

    /// <summary>Nothing read yet: every check that needs lists, groups or classes refuses.</summary>
    public static NumberPlan NotLoaded { get; } = new(false, FrozenDictionary<string, TenantNumbers>.Empty);

    /// <summary>Read, and no tenant has lists, groups or settings: every tenant has the defaults.</summary>
    public static NumberPlan Unconfigured { get; } = new(true, FrozenDictionary<string, TenantNumbers>.Empty);

    public bool Loaded { get; }

    /// <summary>The tenant's number layer; a tenant with nothing configured gets the defaults. Null while not loaded.</summary>
    public TenantNumbers? For(string tenantId)
    {
        if (!Loaded)
        {
            return null;
        }

        return _tenants.TryGetValue(tenantId, out var numbers) ? numbers : DefaultsFor(tenantId);
    }

    private TenantNumbers DefaultsFor(string tenantId) => _defaults.GetOrAdd(tenantId, TenantNumbers.Defaults);
}
