using Microsoft.Extensions.Diagnostics.HealthChecks;
using Softswitch.Data;

namespace Softswitch.Api.Hosting;

/// <summary><c>/healthz/live</c> says the process runs; <c>/healthz/ready</c> also checks the database answers.</summary>
public static class HealthChecks
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSoftswitchHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapSoftswitchHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/healthz/ready", new() { Predicate = c => c.Tags.Contains(ReadyTag) }).ExcludeFromDescription();
        return app;
    }
}

internal sealed class DatabaseHealthCheck(SoftswitchDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
