using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/tenants/{tenantId}/api-keys</c>: the platform key manages any tenant's keys; a tenant's admin key
/// manages its own. Keys are shown once at creation and stored only as a SHA-256 hash; DELETE revokes.
/// </summary>
public static class ApiKeyEndpoints
{
    private const string Resource = "API key";

    public static void MapApiKeys(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/tenants/{tenantId}/api-keys").WithTags("API keys");
        group.MapGet("", ListAsync).WithName("ListApiKeys").WithSummary("List a tenant's API keys (prefixes only)");
        group.MapGet("/{id}", GetAsync).WithName("GetApiKey").WithSummary("Get an API key (prefix only)");
        group.MapPost("", CreateAsync).WithName("CreateApiKey").WithSummary("Create an API key; the response shows it once")
            .RequireAuthorization(AuthRegistration.AdminPolicy)
            .Produces<ApiKeyCreatedResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key at once")
            .RequireAuthorization(AuthRegistration.AdminPolicy);
    }

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ValidationProblem, NotFoundProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, string tenantId, int? limit, string? cursor, bool? revoked)
    {
        if (!await VisibleTenantAsync(db, http, tenantId))
        {
            return ApiProblems.NotFound("tenant", tenantId);
        }

        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.ApiKeys.Where(k => k.TenantId == tenantId);
        if (revoked is { } r)
        {
            query = r ? query.Where(k => k.RevokedAt != null) : query.Where(k => k.RevokedAt == null);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, ApiKeyMapping.AsResponse, http.RequestAborted));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string tenantId, string id) =>
        await VisibleTenantAsync(db, http, tenantId)
            ? await EntityOperations.GetAsync(db.ApiKeys.Where(k => k.TenantId == tenantId), id, Resource, ApiKeyMapping.AsResponse, http)
            : ApiProblems.NotFound(Resource, id);

    private static async Task<Results<Created<ApiKeyCreatedResponse>, ValidationProblem, NotFoundProblem>> CreateAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, string tenantId, ApiKeyCreateRequest request)
    {
        if (!TenantAccess.CanManageKeys(http, tenantId) || !await db.Tenants.AnyAsync(t => t.Id == tenantId, http.RequestAborted))
        {
            return ApiProblems.NotFound("tenant", tenantId);
        }

        var errors = new FieldErrors().Required("name", request.Name, ApiKey.NameMaxLength);
        var scopes = ApiKeyScopes.None;
        if (request.Scopes is null || request.Scopes.Count == 0)
        {
            errors.Add("scopes", "needs at least one of: read, write, admin.");
        }
        else
        {
            for (var i = 0; i < request.Scopes.Count; i++)
            {
                if (request.Scopes[i] is { } name && ApiKeyMapping.ScopeNames.TryGetValue(name, out var scope))
                {
                    scopes |= scope;
                }
                else
                {
                    errors.Add($"scopes[{i}]", "must be read, write or admin.");
                }
            }
        }

        if (request.ExpiresAt is { } expires && expires.ToUniversalTime() <= time.GetUtcNow().UtcDateTime)
        {
            errors.Add("expires_at", "must be in the future.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (secret, prefix) = ApiKeySecret.Generate(platform: false);
        var key = new ApiKey
        {
            TenantId = tenantId,
            Name = request.Name!.Trim(),
            Prefix = prefix,
            SecretHash = ApiKeySecret.Hash(secret),
            Scopes = scopes,
            ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(http.RequestAborted);
        ETags.Set(http.Response, key);
        var created = new ApiKeyCreatedResponse(
            key.Id, tenantId, key.Name, key.Prefix, ApiKeyMapping.NamesOf(scopes), key.ExpiresAt, key.CreatedAt, secret, KeyWithheld: null);
        IdempotentReplay.AnswerWith(http, created.WithoutSecret());
        return TypedResults.Created($"/v1/tenants/{tenantId}/api-keys/{key.Id}", created);
    }

    private static async Task<Results<NoContent, NotFoundProblem, PreconditionFailedProblem>> RevokeAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, VerifiedKeyCache verifiedKeys, string tenantId, string id)
    {
        if (!TenantAccess.CanManageKeys(http, tenantId))
        {
            return ApiProblems.NotFound(Resource, id);
        }

        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.TenantId == tenantId, http.RequestAborted);
        if (key is null)
        {
            return ApiProblems.NotFound(Resource, id);
        }

        if (!ETags.IfMatchHolds(http.Request, key))
        {
            return ApiProblems.PreconditionFailed(key.Version);
        }

        key.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(http.RequestAborted);
        verifiedKeys.ForgetKey(key.Id);
        return TypedResults.NoContent();
    }

    private static async Task<bool> VisibleTenantAsync(SoftswitchDbContext db, HttpContext http, string tenantId) =>
        TenantAccess.CanSee(http, tenantId) && await db.Tenants.AnyAsync(t => t.Id == tenantId, http.RequestAborted);
}
