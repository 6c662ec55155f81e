using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Domain.Fraud;
using Softswitch.Switch.Fraud;

namespace Softswitch.Media.Fraud;

public static class DynamicBlacklistRegistration
{
    /// <summary>
    /// The dynamic blacklist with in-process counters, its writer and its refresher. Registered before the SIP
    /// listeners: the refresher's first poll (at its start) loads the rules and the active entries before the first call.
    /// </summary>
    public static IServiceCollection AddDynamicBlacklist(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DynamicBlacklistOptions>()
            .Bind(configuration.GetSection(DynamicBlacklistOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new DynamicBlacklistWriter(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DynamicBlacklistWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DynamicBlacklistWriter>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DynamicBlacklistOptions>>().Value;
            return new DynamicBlacklist(
                options,
                new InProcessFraudCounterStore(options.MaxCountersPerTenant, sp.GetRequiredService<TimeProvider>()),
                sp.GetRequiredService<DynamicBlacklistWriter>(),
                sp.GetRequiredService<SignallingGuard>().Honeypot);
        });
        services.AddSingleton(sp => new DynamicBlacklistRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<DynamicBlacklist>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DynamicBlacklistRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DynamicBlacklistRefresher>());
        return services;
    }
}
