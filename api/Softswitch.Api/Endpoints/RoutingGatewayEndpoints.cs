using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/routing-gateways</c>: vendor egress with failover and stop codes, capacity and time limits.</summary>
public static class RoutingGatewayEndpoints
{
    private const string Resource = "routing gateway";

    public static void MapRoutingGateways(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/routing-gateways").WithTags("Routing gateways");
        group.MapGet("", ListAsync).WithName("ListRoutingGateways").WithSummary("List routing gateways");
        group.MapGet("/{id}", GetAsync).WithName("GetRoutingGateway").WithSummary("Get a routing gateway");
        group.MapPost("", CreateAsync).WithName("CreateRoutingGateway").WithSummary("Create a routing gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateRoutingGateway").WithSummary("Replace a routing gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteRoutingGateway").WithSummary("Delete a routing gateway no route uses")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<RoutingGatewayResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, IGatewayHealthView health, HttpContext http, int? limit, string? cursor, string? accountId, string? status, string? name)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var statusFilter = errors.EnumName<GatewayStatus>("status", status);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.RoutingGateways.AsQueryable();
        if (!string.IsNullOrEmpty(accountId))
        {
            query = query.Where(g => g.AccountId == accountId);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(g => g.Status == s);
        }

        if (!string.IsNullOrEmpty(name))
        {
            query = query.Where(g => g.Name.StartsWith(name));
        }

        return TypedResults.Ok(await query.ToPageAsync(page, health.Mapping(), http.RequestAborted));
    }

    private static Task<Results<Ok<RoutingGatewayResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, IGatewayHealthView health, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.RoutingGateways, id, Resource, health.Mapping(), http);

    private static async Task<Results<Created<RoutingGatewayResponse>, ValidationProblem>> CreateAsync(
        SoftswitchDbContext db, IGatewayHealthView health, HttpContext http, RoutingGatewayRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var gateway = new RoutingGateway();
        Apply(gateway, request);
        db.RoutingGateways.Add(gateway);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/routing-gateways/{gateway.Id}", gateway, health.Mapping());
    }

    private static Task<Results<Ok<RoutingGatewayResponse>, ValidationProblem, MissingOrStale>> UpdateAsync(
        SoftswitchDbContext db, IGatewayHealthView health, HttpContext http, string id, RoutingGatewayRequest request) =>
        EntityOperations.ReplaceAsync(db, db.RoutingGateways, id, Resource, http,
            validate: cancellationToken => ValidateAsync(db, request, cancellationToken),
            apply: gateway => Apply(gateway, request),
            health.Mapping());

    private static Task<Results<NoContent, MissingOrStale, ConflictProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.RoutingGateways, id, Resource, http, async cancellationToken =>
        {
            if (await db.Routes.AnyAsync(r => r.RoutingGatewayIds.Contains(id), cancellationToken))
            {
                return ApiProblems.Conflict($"Routing gateway '{id}' is used by a route; remove it from the route first.");
            }

            return await db.Phones.AnyAsync(p => p.OfflineRedirectGatewayId == id, cancellationToken)
                ? ApiProblems.Conflict($"Routing gateway '{id}' is a phone's offline redirect gateway; change the phone first.")
                : null;
        });

    private static async Task<FieldErrors> ValidateAsync(SoftswitchDbContext db, RoutingGatewayRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("account_id", request.AccountId, 40)
            .Required("name", request.Name, RoutingGateway.NameMaxLength)
            .Required("host", request.Host, RoutingGateway.HostMaxLength)
            .Range("port", request.Port, 1, 65_535)
            .Range("priority", request.Priority, 0, 1_000)
            .Range("weight", request.Weight, 1, 10_000)
            .Range("strip_digits", request.StripDigits, 0, 32)
            .Digits("add_prefix", request.AddPrefix, RoutingGateway.AddPrefixMaxLength)
            .Range("max_concurrent_calls", request.MaxConcurrentCalls, 1, 100_000)
            .Range("max_calls_per_second", request.MaxCallsPerSecond, 1, 10_000)
            .Range("max_call_duration_seconds", request.MaxCallDurationSeconds, 1, 86_400)
            .Range("no_answer_timeout_seconds", request.NoAnswerTimeoutSeconds, 1, 600)
            .Range("options_ping_seconds", request.OptionsPingSeconds, RoutingGateway.MinOptionsPingSeconds, RoutingGateway.MaxOptionsPingSeconds)
            .SipCodes("failover_codes", request.FailoverCodes)
            .SipCodes("stop_codes", request.StopCodes);
        if (request.Host is { Length: > 0 and <= RoutingGateway.HostMaxLength } host
            && !IPAddress.TryParse(host, out _) && !HostNames.IsValid(host))
        {
            errors.Add("host", "must be an IP address or a DNS name.");
        }

        if (request.FailoverCodes is { } failover && request.StopCodes is { } stop && failover.Intersect(stop).Any())
        {
            errors.Add("stop_codes", "must not repeat a failover code: a code either fails over or stops.");
        }

        errors.NumberScreening("number_screening", request.NumberScreening);
        await References.CheckAsync(db.Accounts, "account_id", request.AccountId, "account", errors, cancellationToken);
        await NumberRuleValidation.CheckNumberReferencesAsync(db, "number_screening", request.NumberScreening, errors, cancellationToken);
        return errors;
    }

    private static void Apply(RoutingGateway gateway, RoutingGatewayRequest request)
    {
        var defaults = new RoutingGateway();
        gateway.AccountId = request.AccountId!;
        gateway.Name = request.Name!.Trim();
        gateway.Host = request.Host!.Trim();
        gateway.Port = request.Port ?? 5060;
        gateway.Transport = request.Transport ?? SipTransport.Udp;
        gateway.Priority = request.Priority ?? 0;
        gateway.Weight = request.Weight ?? 1;
        gateway.StripDigits = request.StripDigits ?? 0;
        gateway.AddPrefix = string.IsNullOrEmpty(request.AddPrefix) ? null : request.AddPrefix;
        gateway.MaxConcurrentCalls = request.MaxConcurrentCalls;
        gateway.MaxCallsPerSecond = request.MaxCallsPerSecond;
        gateway.MaxCallDurationSeconds = request.MaxCallDurationSeconds;
        gateway.NoAnswerTimeoutSeconds = request.NoAnswerTimeoutSeconds;
        gateway.FailoverCodes = request.FailoverCodes?.Distinct().ToList() ?? defaults.FailoverCodes;
        gateway.StopCodes = request.StopCodes?.Distinct().ToList() ?? defaults.StopCodes;
        gateway.RedirectPolicy = request.RedirectPolicy ?? RedirectPolicy.ReturnUpstream;
        gateway.OptionsPing = request.OptionsPing ?? false;
        gateway.OptionsPingSeconds = request.OptionsPingSeconds ?? RoutingGateway.DefaultOptionsPingSeconds;
        gateway.NumberScreening = request.NumberScreening.AsScreening();
        gateway.Status = request.Status ?? GatewayStatus.Active;
    }
}
