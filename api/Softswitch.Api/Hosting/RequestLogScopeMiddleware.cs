using Softswitch.Api.Auth;

namespace Softswitch.Api.Hosting;

/// <summary>Puts the tenant and key id on every log line written while a request runs.</summary>
public sealed class RequestLogScopeMiddleware(RequestDelegate next, ILogger<RequestLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, Softswitch.Data.ITenantContext tenant)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }

        var caller = ApiCaller.From(http.User);
        using (logger.BeginScope(new Dictionary<string, object?>
        {
            ["TenantId"] = tenant.TenantId ?? "platform",
            ["ApiKeyId"] = caller.KeyId,
        }))
        {
            await next(http);
        }
    }
}
