using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Domain;

namespace Softswitch.Media.Webhooks;

public static class WebhookRegistration
{
    /// <summary>
    /// <c>Softswitch:Webhooks</c> and the HTTP sender every role uses (the switch's fast path, the worker's retry
    /// job, the API's test send). Needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddWebhookSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWebhookSender>(sp => new HttpWebhookSender(sp.GetRequiredService<IOptions<WebhookOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The switch's fast path: the endpoint table and its refresher, the bounded queue the call-event consumer
    /// offers to, the senders and the delivery log. Registered by the SIP switch, after the core.
    /// </summary>
    internal static IServiceCollection AddWebhookFastPath(this IServiceCollection services)
    {
        services.AddSingleton<WebhookEndpointTable>();
        services.AddSingleton<WebhookCounters>();
        services.AddSingleton(sp => Channel.CreateBounded<WebhookWork>(
            new BoundedChannelOptions(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait }));
        services.AddSingleton(sp => new WebhookEndpointsRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<WebhookEndpointTable>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WebhookEndpointsRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WebhookEndpointsRefresher>());
        services.AddSingleton(sp => new WebhookDeliveryLog(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<WebhookCounters>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WebhookDeliveryLog>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliveryLog>());
        services.AddSingleton(sp =>
        {
            var fastPath = new WebhookFastPath(
                sp.GetRequiredService<Channel<WebhookWork>>().Reader, sp.GetRequiredService<IWebhookSender>(), sp.GetRequiredService<WebhookDeliveryLog>(),
                sp.GetRequiredService<WebhookEndpointTable>(), sp.GetRequiredService<IOptions<WebhookOptions>>().Value,
                sp.GetRequiredService<WebhookCounters>(), sp.GetRequiredService<TimeProvider>());
            sp.GetRequiredService<WebhookEndpointsRefresher>().Refreshed += fastPath.PruneBreakers;
            return fastPath;
        });
        services.AddHostedService(sp =>
        {
            WebhookMetrics.Create(sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<WebhookCounters>(), sp.GetRequiredService<Channel<WebhookWork>>().Reader);
            return sp.GetRequiredService<WebhookFastPath>();
        });
        services.AddSingleton(sp => new WebhookCallEventConsumer(
            sp.GetRequiredService<WebhookEndpointTable>(), sp.GetRequiredService<Channel<WebhookWork>>().Writer,
            sp.GetRequiredService<WebhookCounters>()));
        return services;
    }
}
