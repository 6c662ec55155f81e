using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/tenants</c>: managed by the platform admin key. A tenant key sees its own tenant only, and reads
/// every other tenant id as not found.
/// </summary>
public static class TenantEndpoints
{
    private const string Resource = "tenant";

    public static void MapTenants(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/tenants").WithTags("Tenants");
        group.MapGet("", ListAsync).WithName("ListTenants").WithSummary("List tenants (a tenant key sees only its own)");
        group.MapGet("/{id}", GetAsync).WithName("GetTenant").WithSummary("Get a tenant");
        group.MapPost("", CreateAsync).WithName("CreateTenant").WithSummary("Create a tenant (platform admin)")
            .RequireAuthorization(AuthRegistration.PlatformPolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateTenant").WithSummary("Replace a tenant (platform admin)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteTenant")
            .WithSummary("Delete a tenant that owns no resources, with its API keys (platform admin)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<TenantResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, string? status,
        [FromQuery(Name = "sip_domain")] string? sipDomain)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var statusFilter = errors.EnumName<TenantStatus>("status", status);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Tenants.AsQueryable();
        var caller = ApiCaller.From(http.User);
        if (!caller.IsPlatform)
        {
            query = query.Where(t => t.Id == caller.TenantId);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(t => t.Status == s);
        }

        if (!string.IsNullOrEmpty(sipDomain))
        {
            var domain = sipDomain.ToLowerInvariant();
            query = query.Where(t => t.SipDomain == domain);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, TenantMapping.AsResponse, http.RequestAborted));
    }

    private static async Task<Results<Ok<TenantResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        TenantAccess.CanSee(http, id)
            ? await EntityOperations.GetAsync(db.Tenants, id, Resource, TenantMapping.AsResponse, http)
            : ApiProblems.NotFound(Resource, id);

    private static async Task<Results<Created<TenantResponse>, ValidationProblem, ConflictProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, TenantRequest request)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var domain = request.SipDomain!.ToLowerInvariant();
        if (await db.Tenants.AnyAsync(t => t.SipDomain == domain, http.RequestAborted))
        {
            return ApiProblems.Conflict($"The SIP domain '{request.SipDomain}' is already used by another tenant.");
        }

        var tenant = new Tenant();
        Apply(tenant, request);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/tenants/{tenant.Id}", tenant, TenantMapping.AsResponse);
    }

    private static async Task<Results<Ok<TenantResponse>, ValidationProblem, ForbiddenProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, VerifiedKeyCache verifiedKeys, string id, TenantRequest request)
    {
        if (!TenantAccess.CanSee(http, id))
        {
            return MissingOrStale.Missing(ApiProblems.NotFound(Resource, id));
        }

        if (!TenantAccess.IsPlatform(http))
        {
            return PlatformOnly();
        }

        var (tenant, failure) = await EntityOperations.LoadForUpdateAsync(db.Tenants, id, Resource, http);
        if (tenant is null)
        {
            return failure!;
        }

        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var domain = request.SipDomain!.ToLowerInvariant();
        if (await db.Tenants.AnyAsync(t => t.Id != id && t.SipDomain == domain, http.RequestAborted))
        {
            return ApiProblems.Conflict($"The SIP domain '{request.SipDomain}' is already used by another tenant.");
        }

        Apply(tenant, request);
        await db.SaveChangesAsync(http.RequestAborted);
        verifiedKeys.ForgetTenant(id);
        return EntityOperations.Updated(http, tenant, TenantMapping.AsResponse);
    }

    private static async Task<Results<NoContent, ForbiddenProblem, MissingOrStale, ConflictProblem>> DeleteAsync(
        SoftswitchDbContext db, HttpContext http, VerifiedKeyCache verifiedKeys, string id)
    {
        if (!TenantAccess.CanSee(http, id))
        {
            return MissingOrStale.Missing(ApiProblems.NotFound(Resource, id));
        }

        if (!TenantAccess.IsPlatform(http))
        {
            return PlatformOnly();
        }

        var (tenant, failure) = await EntityOperations.LoadForUpdateAsync(db.Tenants, id, Resource, http);
        if (tenant is null)
        {
            return failure!;
        }

        if (await OwnsResourcesAsync(db, id, http.RequestAborted))
        {
            return ApiProblems.Conflict("The tenant still owns accounts, gateways, routes or rate tables; delete them or suspend the tenant instead.");
        }

        await db.ApiKeys.Where(k => k.TenantId == id).ExecuteDeleteAsync(http.RequestAborted);
        db.Tenants.Remove(tenant);
        await db.SaveChangesAsync(http.RequestAborted);
        verifiedKeys.ForgetTenant(id);
        return TypedResults.NoContent();
    }

    private static async Task<bool> OwnsResourcesAsync(SoftswitchDbContext db, string tenantId, CancellationToken cancellationToken) =>
        await db.Accounts.IgnoreQueryFilters().AnyAsync(e => e.TenantId == tenantId, cancellationToken)
        || await db.RateTables.IgnoreQueryFilters().AnyAsync(e => e.TenantId == tenantId, cancellationToken)
        || await db.Routes.IgnoreQueryFilters().AnyAsync(e => e.TenantId == tenantId, cancellationToken);

    private static FieldErrors Validate(TenantRequest request)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, Tenant.NameMaxLength)
            .Required("sip_domain", request.SipDomain, Tenant.SipDomainMaxLength)
            .Currency("default_currency", request.DefaultCurrency);
        if (request.SipDomain is { Length: > 0 and <= Tenant.SipDomainMaxLength } domain && !HostNames.IsValid(domain))
        {
            errors.Add("sip_domain", "must be a DNS name such as carrier.example.com.");
        }

        return errors;
    }

    private static void Apply(Tenant tenant, TenantRequest request)
    {
        tenant.Name = request.Name!.Trim();
        tenant.SipDomain = request.SipDomain!;
        tenant.Status = request.Status ?? TenantStatus.Active;
        tenant.DefaultCurrency = request.DefaultCurrency!;
    }

    private static ForbiddenProblem PlatformOnly() =>
        new("Forbidden", "Only the platform admin key can change or delete tenants.");
}
