using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/refusal-policies</c>: per tenant and per refusal rule, the SIP answer a refused call gets, or monitor-only
/// mode for a safe rollout. Every rule of <see cref="RefusalRules.TenantRules"/> is listed, customised or not; a change
/// reaches the switch with the tenant's snapshot, within 2 seconds. The tenant row's version is the ETag.
/// </summary>
public static class RefusalPolicyEndpoints
{
    private const string Resource = "refusal rule";

    public static void MapRefusalPolicies(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/refusal-policies").WithTags("Refusal policies");
        group.MapGet("", ListAsync).WithName("ListRefusalPolicies").WithSummary("List every refusal rule with the tenant's policy for it");
        group.MapGet("/{rule}", GetAsync).WithName("GetRefusalPolicy").WithSummary("Get the tenant's policy for one refusal rule");
        group.MapPut("/{rule}", PutAsync).WithName("PutRefusalPolicy").WithSummary("Set the SIP answer or monitor-only mode of one refusal rule")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{rule}", DeleteAsync).WithName("DeleteRefusalPolicy").WithSummary("Enforce a refusal rule with its own answer again")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Ok<Page<RefusalPolicyResponse>>> ListAsync(SoftswitchDbContext db, ITenantContext tenant, HttpContext http)
    {
        var row = await LoadAsync(db, tenant, http);
        ETags.Set(http.Response, row);
        var policies = RefusalRules.TenantRules.Order(StringComparer.Ordinal)
            .Select(rule => RefusalPolicyMapping.AsResponse(rule, Find(row, rule)))
            .ToList();
        return TypedResults.Ok(new Page<RefusalPolicyResponse>(policies, false, null));
    }

    private static async Task<Results<Ok<RefusalPolicyResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, ITenantContext tenant, HttpContext http, string rule)
    {
        if (!RefusalRules.TenantRules.Contains(rule))
        {
            return ApiProblems.NotFound(Resource, rule);
        }

        var row = await LoadAsync(db, tenant, http);
        ETags.Set(http.Response, row);
        return TypedResults.Ok(RefusalPolicyMapping.AsResponse(rule, Find(row, rule)));
    }

    private static async Task<Results<Ok<RefusalPolicyResponse>, ValidationProblem, NotFoundProblem, PreconditionFailedProblem>> PutAsync(
        SoftswitchDbContext db, ITenantContext tenant, HttpContext http, string rule, RefusalPolicyRequest request)
    {
        if (!RefusalRules.TenantRules.Contains(rule))
        {
            return ApiProblems.NotFound(Resource, rule);
        }

        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var policy = new RefusalPolicy { Rule = rule, Mode = request.Mode!.Value, StatusCode = request.StatusCode, ReasonText = request.ReasonText };
        if (await ChangeAsync(db, tenant, http, row => row.RefusalPolicies = [.. row.RefusalPolicies.Where(p => p.Rule != rule), policy]) is { } stale)
        {
            return stale;
        }

        return TypedResults.Ok(RefusalPolicyMapping.AsResponse(rule, policy));
    }

    private static async Task<Results<NoContent, NotFoundProblem, PreconditionFailedProblem>> DeleteAsync(SoftswitchDbContext db, ITenantContext tenant, HttpContext http, string rule)
    {
        if (!RefusalRules.TenantRules.Contains(rule))
        {
            return ApiProblems.NotFound(Resource, rule);
        }

        if (await ChangeAsync(db, tenant, http, row => row.RefusalPolicies = [.. row.RefusalPolicies.Where(p => p.Rule != rule)]) is { } stale)
        {
            return stale;
        }

        return TypedResults.NoContent();
    }

    private static FieldErrors Validate(RefusalPolicyRequest request)
    {
        var errors = new FieldErrors();
        if (request.Mode is not { } mode)
        {
            errors.Add("mode", "is required: enforce or monitor.");
        }
        else
        {
            errors.Defined("mode", mode);
        }

        // 401 and 407 are challenges, which need a WWW-Authenticate or Proxy-Authenticate header a refusal cannot have.
        if (request.StatusCode is { } code && (code is < 400 or > 699 || code is 401 or 407))
        {
            errors.Add("status_code", "must be a final failure code from 400 to 699, other than 401 and 407.");
        }

        errors.Optional("reason_text", request.ReasonText, RefusalPolicy.ReasonMaxLength);
        if (request.ReasonText is { } text && text.Any(char.IsControl))
        {
            errors.Add("reason_text", "must not contain control characters (it becomes a SIP header).");
        }

        return errors;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the tenant row under If-Match and saves it, or answers 412; a concurrent
    /// change of another rule (the row's version moved) is retried once on the fresh row.
    /// </summary>
    private static async Task<PreconditionFailedProblem?> ChangeAsync(
        SoftswitchDbContext db, ITenantContext tenant, HttpContext http, Action<Tenant> change)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await LoadAsync(db, tenant, http);
            if (!ETags.IfMatchHolds(http.Request, row))
            {
                return ApiProblems.PreconditionFailed(row.Version);
            }

            change(row);
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
                ETags.Set(http.Response, row);
                return null;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Tenant> LoadAsync(SoftswitchDbContext db, ITenantContext tenant, HttpContext http) =>
        await db.Tenants.SingleAsync(t => t.Id == tenant.TenantId, http.RequestAborted);

    private static RefusalPolicy? Find(Tenant row, string rule) => row.RefusalPolicies.FirstOrDefault(p => p.Rule == rule);
}
