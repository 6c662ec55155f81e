using Softswitch.Api.Auth;
using Softswitch.Data;

namespace Softswitch.Api.Hosting;

/// <summary>
/// The tenant a request acts on: a tenant key's own tenant, or, for the platform admin key,
/// the tenant named in the <c>Softswitch-Tenant</c> header. Outside a request (jobs, start-up) there is none.
/// </summary>
public sealed class RequestTenantContext(IHttpContextAccessor accessor) : ITenantContext
{
    public const string TenantHeader = "Softswitch-Tenant";

    public string? TenantId
    {
        get
        {
            var http = accessor.HttpContext;
            if (http?.User.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            var caller = ApiCaller.From(http.User);
            if (caller.TenantId is not null)
            {
                return caller.TenantId;
            }

            var header = http.Request.Headers[TenantHeader].ToString();
            return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
        }
    }
}
