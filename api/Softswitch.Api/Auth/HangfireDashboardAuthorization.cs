using System.Text;
using Hangfire.Dashboard;

namespace Softswitch.Api.Auth;

/// <summary>
/// The Hangfire dashboard is for the platform admin only: a Bearer platform key, or HTTP Basic with the platform
/// key as the password (so a browser prompts for it).
/// </summary>
public sealed class HangfireDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return ApiCaller.From(http.User).IsPlatform;
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && PasswordOf(header["Basic ".Length..]) is { } key)
        {
            var verifier = http.RequestServices.GetRequiredService<ApiKeyVerifier>();
            var (caller, _) = await verifier.VerifyAsync(key, http.RequestAborted);
            if (caller is not null)
            {
                return caller.IsPlatform;
            }
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Softswitch jobs (password: platform admin key)\"";
        return false;
    }

    private static string? PasswordOf(string encoded)
    {
        Span<byte> bytes = stackalloc byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded.Trim(), bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? text[(colon + 1)..] : null;
    }
}
