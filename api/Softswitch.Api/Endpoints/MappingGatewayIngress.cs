using System.Net.Sockets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Hosting;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// The rules on the source ranges a mapping gateway claims (README "Ingress matching"): an active gateway's
/// (range, tech prefix) may not collide with an active gateway of another tenant (<see cref="IngressClaim"/>), and
/// only the platform admin may claim a range wider than <see cref="IngressOptions"/> allows. Within one tenant
/// ranges may overlap; the switch picks the most specific. A disabled gateway claims nothing, so disabling or
/// deleting a trunk frees its range, and enabling it again is checked like a new claim.
/// </summary>
public static class MappingGatewayIngress
{
    /// <summary>
    /// 422 with a field error per range wider than a tenant key may claim. Ranges the gateway already has
    /// (<paramref name="approved"/>, e.g. set by the platform admin) stay allowed, so the tenant can still edit it.
    /// </summary>
    public static UnprocessableProblem? RefuseTooWide(
        IReadOnlyList<string> sourceAddresses, IReadOnlyCollection<string> approved, bool platformCaller, IngressOptions limits)
    {
        if (platformCaller)
        {
            return null;
        }

        var errors = new FieldErrors();
        for (var i = 0; i < sourceAddresses.Count; i++)
        {
            var block = CidrBlock.Parse(sourceAddresses[i]);
            var widest = block.Family == AddressFamily.InterNetwork ? limits.WidestTenantIPv4Prefix : limits.WidestTenantIPv6Prefix;
            if (block.PrefixLength < widest && !approved.Contains(block.ToString()))
            {
                errors.Add($"source_addresses[{i}]",
                    $"is wider than /{widest}; only the platform operator can give a trunk a wider range.");
            }
        }

        return errors.Any ? errors.ToRefusal() : null;
    }

    /// <summary>
    /// 409 when an address of the gateway, with its tech prefix, collides with an active gateway of another tenant.
    /// The answer names only the caller's own entries: never the other tenant, its gateway or its exact range.
    /// Call inside the transaction that saves the gateway, after <see cref="IngressClaimLock.TakeAsync"/>.
    /// </summary>
    public static async Task<ConflictProblem?> RefuseCollisionsAsync(
        SoftswitchDbContext db, IReadOnlyList<string> sourceAddresses, string? techPrefix, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("A mapping gateway is written for a tenant.");
        var others = await db.MappingGateways.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Where(g => g.TenantId != tenant && g.Status == GatewayStatus.Active)
            .Select(g => new { g.SourceAddresses, g.TechPrefix })
            .ToListAsync(cancellationToken);
        var taken = others.SelectMany(g => IngressClaim.Of(g.SourceAddresses, g.TechPrefix)).ToList();

        var errors = new FieldErrors();
        for (var i = 0; i < sourceAddresses.Count; i++)
        {
            var claim = new IngressClaim(CidrBlock.Parse(sourceAddresses[i]), techPrefix ?? "");
            if (taken.Any(claim.CouldMatchTheSameInvite))
            {
                errors.Add($"source_addresses[{i}]",
                    "overlaps a source range another tenant takes calls from, with a tech prefix that one INVITE could "
                    + "match both ways; use another range or a distinct tech prefix (neither may start the other).");
            }
        }

        return errors.Any
            ? errors.ToConflict("The source range is claimed by another tenant.")
            : null;
    }
}
