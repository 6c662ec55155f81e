using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Domain.Fraud;
using Softswitch.Switch.Fraud;

namespace Softswitch.Media.Fraud;

public static class ScannerHoneypotRegistration
{
    /// <summary>
    /// The honeypot the <see cref="SignallingGuard"/> records into, its writer and its refresher. Registered before
    /// the SIP listeners: the refresher's first poll (at its start) loads the stored numbers before the first call.
    /// </summary>
    public static IServiceCollection AddScannerHoneypot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScannerDestinationOptions>()
            .Bind(configuration.GetSection(ScannerDestinationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new ScannerDestinationWriter(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ScannerDestinationWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ScannerDestinationWriter>());
        services.AddSingleton(sp => new ScannerHoneypot(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ScannerDestinationOptions>>().Value,
            sp.GetRequiredService<ScannerDestinationWriter>()));
        services.AddSingleton(sp => new ScannerDestinationRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<ScannerHoneypot>(),
            sp.GetRequiredService<IOptions<ScannerDestinationOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ScannerDestinationRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ScannerDestinationRefresher>());
        return services;
    }
}
