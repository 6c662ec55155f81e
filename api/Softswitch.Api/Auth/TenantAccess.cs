namespace Softswitch.Api.Auth;

/// <summary>
/// Which tenants a caller may see under <c>/v1/tenants</c>: the platform key all, a tenant key only its own.
/// Another tenant's id always reads as not found, never as forbidden, so ids cannot be probed.
/// </summary>
public static class TenantAccess
{
    public static bool CanSee(HttpContext http, string tenantId)
    {
        var caller = ApiCaller.From(http.User);
        return caller.IsPlatform || caller.TenantId == tenantId;
    }

    public static bool IsPlatform(HttpContext http) => ApiCaller.From(http.User).IsPlatform;

    public static bool CanManageKeys(HttpContext http, string tenantId)
    {
        var caller = ApiCaller.From(http.User);
        return caller.IsPlatform || (caller.TenantId == tenantId && caller.Scopes.HasFlag(Softswitch.Domain.ApiKeyScopes.Admin));
    }
}
