using System.Collections.Frozen;
using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// Builds a <see cref="NumberPlan"/> from the control plane's rows. A list's numbers come from
/// <paramref name="numbersOf"/>, so a refresher decodes only the lists whose numbers changed. Tenants keep their
/// classification cache from <paramref name="previous"/>.
/// </summary>
public static class NumberPlanBuilder
{
    public static NumberPlan Build(
        IReadOnlyList<NumberGroup> groups,
        IReadOnlyList<NumberSettings> settings,
        IReadOnlyList<NumberList> lists,
        Func<NumberList, NumberSet> numbersOf,
        NumberPlan? previous)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(numbersOf);
        var groupsByTenant = groups.ToLookup(g => g.TenantId, StringComparer.Ordinal);
        var listsByTenant = lists.ToLookup(l => l.TenantId, StringComparer.Ordinal);
        var settingsByTenant = settings.ToLookup(s => s.TenantId, StringComparer.Ordinal);
        var tenants = new Dictionary<string, TenantNumbers>(StringComparer.Ordinal);
        foreach (var tenantId in groupsByTenant.Select(g => g.Key).Concat(listsByTenant.Select(l => l.Key)).Concat(settingsByTenant.Select(s => s.Key)).Distinct())
        {
            // Group ids are looked up within the tenant only: another tenant's id names nothing here.
            var tenantGroups = groupsByTenant[tenantId].ToFrozenDictionary(g => g.Id, g => g.Prefixes ?? [], StringComparer.Ordinal);
            var tenantLists = listsByTenant[tenantId].ToFrozenDictionary(
                l => l.Id,
                l => new CompiledNumberList(
                    l.Id, l.Name, l.Kind, l.Match, l.RefusalStatus, numbersOf(l),
                    new PrefixSet((l.NumberGroupIds ?? []).SelectMany(id => tenantGroups.GetValueOrDefault(id) ?? []))),
                StringComparer.Ordinal);
            var setting = settingsByTenant[tenantId].FirstOrDefault();
            tenants[tenantId] = new TenantNumbers(
                tenantId,
                tenantGroups.ToFrozenDictionary(g => g.Key, g => new PrefixSet(g.Value), StringComparer.Ordinal),
                tenantLists,
                NumberMetadata.CallingCodeOf(setting?.HomeCountry),
                new PrefixSet(setting?.HighRiskPrefixes ?? [.. DefaultHighRiskPrefixes.All]),
                previous?.For(tenantId)?.Cache ?? new ClassificationCache());
        }

        return new NumberPlan(true, tenants.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
