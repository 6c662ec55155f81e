using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Media.Billing;
using Softswitch.Media.Fraud;
using Softswitch.Media.Geofencing;
using Softswitch.Media.Health;
using Softswitch.Media.Numbers;
using Softswitch.Media.Phones;
using Softswitch.Media.Redirect;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Config;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Geofencing;
using Softswitch.Switch.Numbers;

namespace Softswitch.Media.Sip;

public static class SipSwitchRegistration
{
    /// <summary>
    /// Registers the SIP switch (listeners, registrar, B2BUA, the anti-fraud signalling layer) on top of
    /// <see cref="SwitchCoreRegistration.AddSoftswitchSwitchCore"/>, which must be registered first so its snapshot
    /// and CDR spool start before the listeners.
    /// </summary>
    public static IServiceCollection AddSoftswitchSipSwitch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SipSwitchSettings>()
            .Bind(configuration.GetSection(SipSwitchSettings.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SignallingGuardOptions>()
            .Bind(configuration.GetSection(SignallingGuardOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.FindProblems().Any(), "Softswitch:Fraud: MaxBanSeconds must be at least BanSeconds, TrustedAddresses must be CIDR blocks and MonitorRules signalling rules.")
            .ValidateOnStart();

        // The writer starts before the listeners and stops after them, so what they raise is stored, the last of it at shutdown.
        services.AddSingleton(sp => new SecurityEventWriter(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SecurityEventWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SecurityEventWriter>());
        services.AddScannerHoneypot(configuration);
        services.AddSingleton(sp => new SignallingGuard(
            sp.GetRequiredService<IOptions<SignallingGuardOptions>>().Value, sp.GetRequiredService<ISwitchConfigSource>(),
            sp.GetRequiredService<SecurityEventWriter>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ScannerHoneypot>()));
        services.AddSingleton(sp => new SecurityDirectivesRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<SignallingGuard>(),
            sp.GetRequiredService<IOptions<SignallingGuardOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SecurityDirectivesRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SecurityDirectivesRefresher>());

        // Loaded once before the listeners start, so the first call already meets the tenants' geofences.
        services.AddSingleton<GeofencePolicySource>();
        services.AddSingleton(sp => new GeofenceRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<GeofencePolicySource>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GeofenceRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<GeofenceRefresher>());
        services.AddDynamicBlacklist(configuration);
        // Number lists load before the listeners start, so the first call already meets them.
        services.AddSingleton(new NumberPlanSource(NumberPlan.NotLoaded));
        services.AddSingleton(sp => new NumberPlanRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<NumberPlanSource>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<NumberPlanRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<NumberPlanRefresher>());

        // Rates load before the listeners start, so the first call is already priced.
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection("Softswitch:Billing"));
        services.AddSingleton<RateBookSource>();
        services.AddSingleton(sp => new SwitchBilling(
            sp.GetRequiredService<RateBookSource>(), sp.GetRequiredService<AccountBudgets>(), sp.GetRequiredService<IOptions<BillingOptions>>().Value)
        {
            Packages = sp.GetRequiredService<PackageAllowances>(),
        });
        services.AddSingleton(sp => new RateBookRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<RateBookSource>(),
            sp.GetRequiredService<IOptions<BillingOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RateBookRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<RateBookRefresher>());
        services.AddSingleton(sp => new PackageAllowanceRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<PackageAllowances>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PackageAllowanceRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<PackageAllowanceRefresher>());
        services.AddWebhookFastPath();
        services.AddRedirectClient();
        services.AddPhonePresence();
        services.AddPeerHealth(configuration);

        services.AddSingleton<SipSwitchService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipSwitchService>());
        return services;
    }
}
