using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// Who in the tenant names a number group or list. Their ids sit mostly in JSON settings that carry no foreign keys, so
/// a delete asks here first and answers 409 while anything still names the row.
/// </summary>
public static class NumberUsage
{
    public static async Task<string?> GroupUserAsync(SoftswitchDbContext db, string groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Routes.Where(r => r.CalleeGroupId == groupId).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken) is { } route)
        {
            return $"route {route}";
        }

        if (await db.NumberLists.Where(l => l.NumberGroupIds.Contains(groupId)).Select(l => l.Id).FirstOrDefaultAsync(cancellationToken) is { } list)
        {
            return $"number list {list}";
        }

        var mapping = await db.MappingGateways.AsNoTracking().Select(g => new { g.Id, g.NumberScreening }).ToListAsync(cancellationToken);
        if (mapping.FirstOrDefault(g => Names(g.NumberScreening, groupId)) is { } trunk)
        {
            return $"mapping gateway {trunk.Id}";
        }

        var routing = await db.RoutingGateways.AsNoTracking().Select(g => new { g.Id, g.NumberScreening }).ToListAsync(cancellationToken);
        if (routing.FirstOrDefault(g => Names(g.NumberScreening, groupId)) is { } vendor)
        {
            return $"routing gateway {vendor.Id}";
        }

        var accounts = await db.Accounts.AsNoTracking().Select(a => new { a.Id, a.Destinations }).ToListAsync(cancellationToken);
        return accounts.FirstOrDefault(a => Names(a.Destinations, groupId)) is { } account ? $"account {account.Id}" : null;
    }

    public static async Task<string?> ListUserAsync(SoftswitchDbContext db, string listId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mapping = await db.MappingGateways.AsNoTracking().Select(g => new { g.Id, g.NumberScreening }).ToListAsync(cancellationToken);
        if (mapping.FirstOrDefault(g => g.NumberScreening.NumberListIds.Contains(listId)) is { } trunk)
        {
            return $"mapping gateway {trunk.Id}";
        }

        var routing = await db.RoutingGateways.AsNoTracking().Select(g => new { g.Id, g.NumberScreening }).ToListAsync(cancellationToken);
        return routing.FirstOrDefault(g => g.NumberScreening.NumberListIds.Contains(listId)) is { } vendor ? $"routing gateway {vendor.Id}" : null;
    }

    private static bool Names(NumberScreening screening, string groupId) => Names(screening.Caller, groupId) || Names(screening.Callee, groupId);

    private static bool Names(NumberRule rule, string groupId) =>
        rule.AllowedGroupIds.Contains(groupId) || rule.ForbiddenGroupIds.Contains(groupId);
}
