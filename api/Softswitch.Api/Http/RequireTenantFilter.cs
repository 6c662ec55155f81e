using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Hosting;
using Softswitch.Data;

namespace Softswitch.Api.Http;

/// <summary>
/// Tenant-scoped operations need a tenant: a tenant key has one; the platform key must name an existing
/// tenant in <c>Softswitch-Tenant</c>.
/// </summary>
public sealed class RequireTenantFilter(ITenantContext tenant, SoftswitchDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!ApiCaller.From(http.User).IsPlatform)
        {
            return await next(context);
        }

        if (tenant.TenantId is not { } tenantId)
        {
            return TypedResults.Problem(
                title: "Tenant required",
                detail: $"The platform admin key acts on a tenant's resources only when the '{RequestTenantContext.TenantHeader}' header names the tenant id.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, http.RequestAborted))
        {
            return ApiProblems.NotFound("tenant", tenantId);
        }

        return await next(context);
    }
}
