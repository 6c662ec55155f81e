using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Http;
using Softswitch.Data;

namespace Softswitch.Api.Endpoints;

/// <summary>What a route sends its calls to: routing gateways in order, or exactly one of the tenant's phones.</summary>
public static class RouteTargets
{
    private const int MaxGatewaysPerRoute = 32;

    /// <summary>Checks that a route names gateways or a phone, not both and not neither, and only the tenant's own.</summary>
    public static async Task CheckAsync(
        SoftswitchDbContext db, List<string>? gatewayIds, string? phoneId, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(errors);
        var hasGateways = gatewayIds is { Count: > 0 };
        if (phoneId is not null)
        {
            if (hasGateways)
            {
                errors.Add("phone_id", "a route targets routing gateways or a phone, not both: leave routing_gateway_ids empty.");
                return;
            }

            await References.CheckAsync(db.Phones, "phone_id", phoneId, "phone", errors, cancellationToken);
            return;
        }

        if (!hasGateways)
        {
            errors.Add("routing_gateway_ids", "needs at least one routing gateway id, or give phone_id instead.");
            return;
        }

        await CheckGatewaysAsync(db, gatewayIds!, errors, cancellationToken);
    }

    /// <summary>A phone a route targets cannot be deleted (409), as a gateway a route uses cannot.</summary>
    public static async Task<ConflictProblem?> PhoneInUseAsync(SoftswitchDbContext db, string phoneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Routes.AnyAsync(r => r.PhoneId == phoneId, cancellationToken)
            ? ApiProblems.Conflict($"Phone '{phoneId}' is the target of a route; change the route first.")
            : null;
    }

    private static async Task CheckGatewaysAsync(SoftswitchDbContext db, List<string> ids, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (ids.Count > MaxGatewaysPerRoute)
        {
            errors.Add("routing_gateway_ids", $"must hold at most {MaxGatewaysPerRoute} ids.");
            return;
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("routing_gateway_ids", "must not list a gateway twice.");
        }

        var known = await db.RoutingGateways.Where(g => ids.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                errors.Add($"routing_gateway_ids[{i}]", $"no routing gateway '{ids[i]}' exists in this tenant.");
            }
        }
    }
}
