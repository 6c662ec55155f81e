using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Hosting;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/mapping-gateways</c>: customer ingress points, matched by source IP/CIDR and optional tech prefix.</summary>
public static class MappingGatewayEndpoints
{
    private const string Resource = "mapping gateway";
    private const int MaxSourceAddresses = 100;

    public static void MapMappingGateways(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/mapping-gateways").WithTags("Mapping gateways");
        group.MapGet("", ListAsync).WithName("ListMappingGateways").WithSummary("List mapping gateways");
        group.MapGet("/{id}", GetAsync).WithName("GetMappingGateway").WithSummary("Get a mapping gateway");
        group.MapPost("", CreateAsync).WithName("CreateMappingGateway").WithSummary("Create a mapping gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateMappingGateway").WithSummary("Replace a mapping gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteMappingGateway").WithSummary("Delete a mapping gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<MappingGatewayResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, string? accountId, string? status, string? name)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var statusFilter = errors.EnumName<GatewayStatus>("status", status);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.MappingGateways.AsQueryable();
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

        return TypedResults.Ok(await query.ToPageAsync(page, MappingGatewayMapping.AsResponse, http.RequestAborted));
    }

    private static Task<Results<Ok<MappingGatewayResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.MappingGateways, id, Resource, MappingGatewayMapping.AsResponse, http);

    private static async Task<Results<Created<MappingGatewayResponse>, ValidationProblem, UnprocessableProblem, ConflictProblem>> CreateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, MappingGatewayRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (RefuseTooWide(http, options.Value.Ingress, request, approved: []) is { } tooWide)
        {
            return tooWide;
        }

        var gateway = db.MappingGateways.Add(new MappingGateway()).Entity;
        if (await SaveClaimingAsync(db, http, gateway, request) is { } collision)
        {
            return collision;
        }

        return EntityOperations.Created(http, $"/v1/mapping-gateways/{gateway.Id}", gateway, MappingGatewayMapping.AsResponse);
    }

    private static async Task<Results<Ok<MappingGatewayResponse>, ValidationProblem, MissingOrStale, UnprocessableProblem, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id, MappingGatewayRequest request)
    {
        var (gateway, failure) = await EntityOperations.LoadForUpdateAsync(db.MappingGateways, id, Resource, http);
        if (gateway is null)
        {
            return failure!;
        }

        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (RefuseTooWide(http, options.Value.Ingress, request, approved: [.. gateway.SourceAddresses]) is { } tooWide)
        {
            return tooWide;
        }

        if (await SaveClaimingAsync(db, http, gateway, request) is { } collision)
        {
            return collision;
        }

        return EntityOperations.Updated(http, gateway, MappingGatewayMapping.AsResponse);
    }

    private static UnprocessableProblem? RefuseTooWide(
        HttpContext http, IngressOptions limits, MappingGatewayRequest request, IReadOnlyCollection<string> approved) =>
        MappingGatewayIngress.RefuseTooWide(request.SourceAddresses!, approved, TenantAccess.IsPlatform(http), limits);

    /// <summary>
    /// Applies the request to the tracked gateway and saves it, unless its source ranges collide with another
    /// tenant's (<see cref="MappingGatewayIngress"/>). The collision check and the save share one transaction behind
    /// <see cref="IngressClaimLock"/>, so two tenants claiming the same range at once cannot both succeed.
    /// </summary>
    private static async Task<ConflictProblem?> SaveClaimingAsync(
        SoftswitchDbContext db, HttpContext http, MappingGateway gateway, MappingGatewayRequest request)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        Apply(gateway, request);
        if (gateway.Status == GatewayStatus.Active)
        {
            await IngressClaimLock.TakeAsync(db, http.RequestAborted);
            if (await MappingGatewayIngress.RefuseCollisionsAsync(db, request.SourceAddresses!, gateway.TechPrefix, http.RequestAborted) is { } collision)
            {
                return collision;
            }
        }

        await db.SaveChangesAsync(http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return null;
    }

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.MappingGateways, id, Resource, http);

    private static async Task<FieldErrors> ValidateAsync(SoftswitchDbContext db, MappingGatewayRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("account_id", request.AccountId, 40)
            .Required("name", request.Name, MappingGateway.NameMaxLength)
            .AddressList("source_addresses", request.SourceAddresses, MaxSourceAddresses, required: true)
            .Digits("tech_prefix", request.TechPrefix, MappingGateway.TechPrefixMaxLength)
            .RewriteRules("caller_rewrite_rules", request.CallerRewriteRules)
            .RewriteRules("callee_rewrite_rules", request.CalleeRewriteRules)
            .Range("max_concurrent_calls", request.MaxConcurrentCalls, 1, 100_000)
            .Range("max_call_duration_seconds", request.MaxCallDurationSeconds, 1, 86_400)
            .Range("max_calls_per_second", request.MaxCallsPerSecond, 1, 10_000)
            .NumberScreening("number_screening", request.NumberScreening);
        await References.CheckAsync(db.Accounts, "account_id", request.AccountId, "account", errors, cancellationToken);
        await NumberRuleValidation.CheckNumberReferencesAsync(db, "number_screening", request.NumberScreening, errors, cancellationToken);
        return errors;
    }

    private static void Apply(MappingGateway gateway, MappingGatewayRequest request)
    {
        gateway.AccountId = request.AccountId!;
        gateway.Name = request.Name!.Trim();
        gateway.SourceAddresses = request.SourceAddresses!.Select(a => CidrBlock.Parse(a).ToString()).Distinct().ToList();
        gateway.TechPrefix = string.IsNullOrEmpty(request.TechPrefix) ? null : request.TechPrefix;
        gateway.CallerRewriteRules = request.CallerRewriteRules.AsRules();
        gateway.CalleeRewriteRules = request.CalleeRewriteRules.AsRules();
        gateway.MaxConcurrentCalls = request.MaxConcurrentCalls;
        gateway.MaxCallDurationSeconds = request.MaxCallDurationSeconds;
        gateway.MaxCallsPerSecond = request.MaxCallsPerSecond;
        gateway.NumberScreening = request.NumberScreening.AsScreening();
        gateway.Status = request.Status ?? GatewayStatus.Active;
    }
}
