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
        group.MapGet("", ListAsync).WithName("ListMappingGateways").WithSummary("List mapping gateways")
            .Produces<Page<MappingGatewayResponse>>().ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).WithName("GetMappingGateway").WithSummary("Get a mapping gateway")
            .Produces<MappingGatewayResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync).WithName("CreateMappingGateway").WithSummary("Create a mapping gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Produces<MappingGatewayResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateMappingGateway").WithSummary("Replace a mapping gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Produces<MappingGatewayResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteMappingGateway").WithSummary("Delete a mapping gateway")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<IResult> ListAsync(
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

    private static Task<IResult> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.MappingGateways, id, Resource, MappingGatewayMapping.AsResponse, http);

    private static async Task<IResult> CreateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, MappingGatewayRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var gateway = db.MappingGateways.Add(new MappingGateway()).Entity;
        return await SaveClaimingAsync(db, http, options.Value.Ingress, gateway, request, approved: [],
            () => EntityOperations.Created(http, $"/v1/mapping-gateways/{gateway.Id}", gateway, MappingGatewayMapping.AsResponse));
    }

    private static async Task<IResult> UpdateAsync(
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

        return await SaveClaimingAsync(db, http, options.Value.Ingress, gateway, request, approved: [.. gateway.SourceAddresses],
            () => EntityOperations.Updated(http, gateway, MappingGatewayMapping.AsResponse));
    }

    /// <summary>
    /// Applies the request to the tracked gateway and saves it, once its source ranges pass
    /// <see cref="MappingGatewayIngress"/>; <paramref name="respond"/> runs after the save. The collision check and
    /// the save share one transaction behind <see cref="IngressClaimLock"/>, so two tenants claiming the same range
    /// at once cannot both succeed.
    /// </summary>
    private static async Task<IResult> SaveClaimingAsync(
        SoftswitchDbContext db, HttpContext http, IngressOptions limits, MappingGateway gateway, MappingGatewayRequest request,
        IReadOnlyCollection<string> approved, Func<IResult> respond)
    {
        if (MappingGatewayIngress.RefuseTooWide(request.SourceAddresses!, approved, TenantAccess.IsPlatform(http), limits) is { } tooWide)
        {
            return tooWide;
        }

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
        return respond();
    }

    private static Task<IResult> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
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
