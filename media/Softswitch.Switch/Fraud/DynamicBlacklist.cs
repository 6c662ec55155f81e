using System.Collections.Concurrent;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// Every tenant's dynamic blacklist (issue 8 §4), each a <see cref="TenantBlacklist"/> of its own: the admission
/// stage and the call-event consumer reach a tenant's only through its id, so one tenant's rules, counters and entries
/// never touch another's calls. Rules, hand-made entries, releases and counter resets arrive from the control plane
/// through <see cref="SetRules"/>, <see cref="Apply"/>, <see cref="Remove"/> and <see cref="ResetCounters"/>.
/// </summary>
public sealed class DynamicBlacklist(
    DynamicBlacklistOptions options, IFraudCounterStore counters, IBlacklistFindingSink sink, IScannerDestinations? scannerDestinations = null)
{
    private readonly ConcurrentDictionary<string, TenantBlacklist> _tenants = new(StringComparer.Ordinal);

    /// <summary>The tenant's blacklist, or null when it has neither rules nor entries (the common path then costs one lookup).</summary>
    public TenantBlacklist? For(string tenantId) => _tenants.GetValueOrDefault(tenantId);

    public int EntryCount => _tenants.Values.Sum(t => t.EntryCount);

    /// <summary>Replaces every tenant's enabled rules; a tenant missing from <paramref name="rulesByTenant"/> has none.</summary>
    public void SetRules(IReadOnlyDictionary<string, IReadOnlyList<FraudRuleSpec>> rulesByTenant)
    {
        ArgumentNullException.ThrowIfNull(rulesByTenant);
        foreach (var (tenantId, rules) in rulesByTenant)
        {
            TenantOf(tenantId).SetRules(rules);
        }

        foreach (var tenant in _tenants.Values)
        {
            if (!rulesByTenant.ContainsKey(tenant.TenantId))
            {
                tenant.SetRules([]);
            }
        }
    }

    public void Apply(string tenantId, BlacklistEntryState entry, DateTimeOffset now) => TenantOf(tenantId).Apply(entry, now);

    public void Remove(string tenantId, BlacklistKey key, BlacklistEntryKind kind) => For(tenantId)?.Remove(key, kind);

    public void ResetCounters(string tenantId, string value) => For(tenantId)?.ResetCounters(value);

    private TenantBlacklist TenantOf(string tenantId) =>
        _tenants.GetOrAdd(tenantId, id => new TenantBlacklist(id, counters, sink, options.MaxEntriesPerTenant, scannerDestinations));
}
