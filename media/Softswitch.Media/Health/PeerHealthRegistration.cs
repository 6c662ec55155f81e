using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Domain;
using Softswitch.Switch.Health;

namespace Softswitch.Media.Health;

public static class PeerHealthRegistration
{
    /// <summary>
    /// The vendors' and routing servers' health boards (the API reads the vendors' through <see cref="IGatewayHealthView"/>),
    /// the routing servers' breaker and the durable writer of vendor transitions. The schedulers that ping start with
    /// the SIP listeners, which own the socket they ping from.
    /// </summary>
    internal static IServiceCollection AddPeerHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PeerHealthOptions>().Bind(configuration.GetSection(PeerHealthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new GatewayHealthWriter(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GatewayHealthWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<GatewayHealthWriter>());
        services.AddSingleton(sp =>
        {
            // The vendors' board; the routing servers' is inside RoutingServerHealth.
            var vendors = new PeerHealthBoard(sp.GetRequiredService<IOptions<PeerHealthOptions>>().Value.DownAfterTimeouts, sp.GetRequiredService<TimeProvider>());
            vendors.Changed += sp.GetRequiredService<GatewayHealthWriter>().Record;
            return vendors;
        });
        services.AddSingleton<IGatewayHealthView>(sp => sp.GetRequiredService<PeerHealthBoard>());
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PeerHealthOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return new RoutingServerHealth(
                new PeerHealthBoard(o.DownAfterTimeouts, time), new RoutingServerBreaker(o.BreakerFailures, TimeSpan.FromSeconds(o.BreakerCoolDownSeconds), time));
        });
        return services;
    }
}

