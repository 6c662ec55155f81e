using System.Globalization;
using System.Threading.RateLimiting;
using Softswitch.Api.Auth;
using Softswitch.Api.Hosting;

namespace Softswitch.Api.Http;

/// <summary>One token bucket per tenant (the platform key has its own), so one tenant cannot starve another.</summary>
public static class RateLimiting
{
    public const string PerTenantPolicy = "per-tenant";

    public static IServiceCollection AddSoftswitchRateLimiting(this IServiceCollection services, ApiRateLimitOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerTenantPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                PartitionOf(http),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This tenant's API rate limit is exhausted; retry after {retryAfter} s.");
            };
        });
        return services;
    }

    private static string PartitionOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && ApiCaller.From(http.User).TenantId is { } tenant
            ? tenant
            : "platform";
}
