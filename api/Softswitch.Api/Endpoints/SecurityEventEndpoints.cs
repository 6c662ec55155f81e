using Microsoft.AspNetCore.Http.HttpResults;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/security-events</c>: what the anti-fraud layer decided and why (bans, alerts, suspensions, lifts, refused
/// calls and monitor-only "would refuse" calls). The platform admin sees every event; a tenant key sees only the events
/// about its own calls, phones and trusted list.
/// </summary>
public static class SecurityEventEndpoints
{
    public static void MapSecurityEvents(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/security-events").WithTags("Security events");
        group.MapGet("", ListAsync).WithName("ListSecurityEvents")
            .WithSummary("List security events, oldest first, by rule, action, address, number, gateway and time (a tenant key sees its own)");
    }

    private static async Task<Results<Ok<Page<SecurityEventResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, [AsParameters] SecurityEventQuery filter)
    {
        var errors = new FieldErrors()
            .Optional("rule", filter.Rule, IpBan.RuleMaxLength)
            .Optional("address", filter.Address, IpBan.AddressMaxLength)
            .Optional("number", filter.Number, Cdr.NumberMaxLength)
            .Optional("gateway", filter.Gateway, IdGenerator.MaxLength);
        var page = PageRequest.Parse(limit, cursor, errors);
        SecurityAction? action = null;
        if (filter.Action is { } named)
        {
            if (Enum.TryParse<SecurityAction>(named, ignoreCase: true, out var parsed) && !int.TryParse(named, out _))
            {
                action = parsed;
            }
            else
            {
                errors.Add("action", "must be ban, alert, suspend, lift, refuse or monitor.");
            }
        }

        if (filter is { From: { } from, To: { } to } && RateRules.AsUtc(to) <= RateRules.AsUtc(from))
        {
            errors.Add("to", "must be later than from.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.SecurityEvents.AsQueryable();
        var caller = ApiCaller.From(http.User);
        if (!caller.IsPlatform)
        {
            query = query.Where(e => e.TenantId == caller.TenantId);
        }

        return TypedResults.Ok(await Filter(query, filter, action).ToPageAsync(page, SecurityMapping.AsResponse, http.RequestAborted));
    }

    private static IQueryable<SecurityEvent> Filter(IQueryable<SecurityEvent> query, SecurityEventQuery filter, SecurityAction? action)
    {
        if (!string.IsNullOrEmpty(filter.Rule))
        {
            query = query.Where(e => e.Rule == filter.Rule);
        }

        if (!string.IsNullOrEmpty(filter.Address))
        {
            query = query.Where(e => e.Address == filter.Address);
        }

        if (!string.IsNullOrEmpty(filter.Number))
        {
            query = query.Where(e => e.Caller == filter.Number || e.Callee == filter.Number);
        }

        if (!string.IsNullOrEmpty(filter.Gateway))
        {
            query = query.Where(e => e.MappingGatewayId == filter.Gateway);
        }

        if (action is { } wanted)
        {
            query = query.Where(e => e.Action == wanted);
        }

        if (filter.From is { } from)
        {
            var since = RateRules.AsUtc(from);
            query = query.Where(e => e.OccurredAt >= since);
        }

        if (filter.To is { } to)
        {
            var until = RateRules.AsUtc(to);
            query = query.Where(e => e.OccurredAt < until);
        }

        return query;
    }
}
