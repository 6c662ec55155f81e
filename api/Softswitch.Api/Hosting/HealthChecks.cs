using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Softswitch.Api.Hosting;

/// <summary>
/// <c>/healthz/live</c> says the process runs; <c>/healthz/ready</c> says whether it can do its roles' work, per role:
/// the database for every role (Unhealthy when the process serves the API or runs jobs, Degraded for a switch-only
/// process, which routes from its snapshot without it), and for the switch role its configuration and its SIP
/// listeners. Unhealthy answers 503; Healthy and Degraded answer 200. The body is JSON with each check's status and
/// description.
/// </summary>
public static class HealthChecks
{
    private const string ReadyTag = "ready";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddSoftswitchHealthChecks(this IServiceCollection services, ProcessRoles roles, bool switchRuns)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var databaseFailure = roles.Api || roles.Worker ? HealthStatus.Unhealthy : HealthStatus.Degraded;
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", databaseFailure, [ReadyTag]);
        if (switchRuns)
        {
            checks.AddCheck<SwitchConfigHealthCheck>("switch_config", tags: [ReadyTag]);
            checks.AddCheck<SipListenerHealthCheck>("sip_listeners", tags: [ReadyTag]);
        }

        return services;
    }

    public static WebApplication MapSoftswitchHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/healthz/ready", new() { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReportAsync })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Status, description and data of each check; exceptions stay in the log, never in the answer.</summary>
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }
}
