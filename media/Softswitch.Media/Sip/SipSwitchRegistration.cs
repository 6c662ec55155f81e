using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Softswitch.Media.Sip;

public static class SipSwitchRegistration
{
    /// <summary>
    /// Registers the SIP switch (listeners, registrar, B2BUA) on top of <see cref="SwitchCoreRegistration.AddSoftswitchSwitchCore"/>,
    /// which must be registered first so its snapshot and CDR spool start before the listeners.
    /// </summary>
    public static IServiceCollection AddSoftswitchSipSwitch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SipSwitchSettings>()
            .Bind(configuration.GetSection(SipSwitchSettings.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SipSwitchService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipSwitchService>());
        return services;
    }
}
