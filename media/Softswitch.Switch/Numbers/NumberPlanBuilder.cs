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
        var tenantIds = groups.Select(g => g.TenantId).Concat(settings.Select(s => s.TenantId)).Concat(lists.Select(l => l.TenantId))
            .ToHashSet(StringComparer.Ordinal);
        var tenants = new Dictionary<string, TenantNumbers>(StringComparer.Ordinal);
        foreach (var tenantId in tenantIds)
        {
            var tenantGroups = groups.Where(g => g.TenantId == tenantId)
                .ToFrozenDictionary(g => g.Id, g => new PrefixSet(g.Prefixes ?? []), StringComparer.Ordinal);
            var tenantLists = lists.Where(l => l.TenantId == tenantId).ToFrozenDictionary(
                l => l.Id,
                l => new CompiledNumberList(
                    l.Id, l.Name, l.Kind, l.Match, l.RefusalStatus, numbersOf(l),
                    new PrefixSet((l.NumberGroupIds ?? []).SelectMany(id => groups.FirstOrDefault(g => g.Id == id && g.TenantId == tenantId)?.Prefixes ?? []))),
                StringComparer.Ordinal);
            var setting = settings.FirstOrDefault(s => s.TenantId == tenantId);
            var cache = previous?.For(tenantId)?.Cache ?? new ClassificationCache();
            tenants[tenantId] = new TenantNumbers(
                tenantId,
                tenantGroups,
                tenantLists,
                NumberMetadata.CallingCodeOf(setting?.HomeCountry),
                new PrefixSet(setting?.HighRiskPrefixes ?? [.. DefaultHighRiskPrefixes.All]),
                cache);
        }

        return new NumberPlan(true, tenants.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
