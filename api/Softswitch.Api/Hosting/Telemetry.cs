using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Softswitch.Api.Auth;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Metrics of every <c>Softswitch.*</c> meter (SIP transport, admission, calls, call outcomes, CDR spool, fraud) through
/// OpenTelemetry: a Prometheus scrape at <c>/metrics</c> for the platform admin key, and OTLP push when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other standard <c>OTEL_*</c> settings itself).
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";
    private const string MeterPattern = "Softswitch.*";
    private const string DefaultServiceName = "softswitch";

    public static IServiceCollection AddSoftswitchTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MeterPattern).AddPrometheusExporter();
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) => builder.AddView(OnlyThisHost(provider.GetRequiredService<IMeterFactory>())));
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// Meters are process-wide: a provider listening to <c>Softswitch.*</c> would also see the meters of another host in
    /// the same process (an embedding application, the test hosts). Our meters come from this host's factory, which
    /// stamps itself as their scope, so anything else is dropped.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory factory) =>
        instrument => ReferenceEquals(instrument.Meter.Scope, factory) ? null : MetricStreamConfiguration.Drop;

    public static WebApplication MapSoftswitchMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath)
            .RequireAuthorization(AuthRegistration.PlatformPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
