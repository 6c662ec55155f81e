using Microsoft.AspNetCore.Authorization;
using Softswitch.Domain;

namespace Softswitch.Api.Auth;

/// <summary>Authorization policies: scopes for tenant keys, and the platform policy for the admin key.</summary>
public static class AuthRegistration
{
    public const string ReadPolicy = "scope:read";
    public const string WritePolicy = "scope:write";
    public const string AdminPolicy = "scope:admin";
    public const string PlatformPolicy = "platform";

    public static IServiceCollection AddSoftswitchAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<VerifiedKeyCache>();
        services.AddScoped<ApiKeyVerifier>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireAssertion(c => HasScope(c, ApiKeyScopes.Read)))
            .AddPolicy(WritePolicy, p => p.RequireAssertion(c => HasScope(c, ApiKeyScopes.Write)))
            .AddPolicy(AdminPolicy, p => p.RequireAssertion(c => HasScope(c, ApiKeyScopes.Admin)))
            .AddPolicy(PlatformPolicy, p => p.RequireAssertion(c =>
                c.User.Identity?.IsAuthenticated == true && ApiCaller.From(c.User).IsPlatform));
        return services;
    }

    /// <summary>Admin implies write and read; write implies read.</summary>
    private static bool HasScope(AuthorizationHandlerContext context, ApiKeyScopes needed)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var scopes = ApiCaller.From(context.User).Scopes;
        if (scopes.HasFlag(ApiKeyScopes.Admin))
        {
            return true;
        }

        return needed == ApiKeyScopes.Read
            ? (scopes & (ApiKeyScopes.Read | ApiKeyScopes.Write)) != 0
            : scopes.HasFlag(needed);
    }
}
