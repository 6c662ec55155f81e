using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Switch.Redirect;

namespace Softswitch.Media.Redirect;

public static class RedirectRegistration
{
    /// <summary><c>Softswitch:Redirect</c>, which the API's checks and the switch's HTTP client both read.</summary>
    public static IServiceCollection AddRedirectOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedirectOptions>().Bind(configuration.GetSection(RedirectOptions.Section)).ValidateOnStart();
        return services;
    }

    /// <summary>The switch's profiles, their refresher (started before the listeners) and the HTTP routing client.</summary>
    internal static IServiceCollection AddRedirectClient(this IServiceCollection services)
    {
        services.AddSingleton<RedirectProfileSource>();
        services.AddSingleton(sp => new RedirectProfilesRefresher(
            sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options, sp.GetRequiredService<RedirectProfileSource>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedirectProfilesRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedirectProfilesRefresher>());
        services.AddSingleton(sp => new HttpRoutingServerClient(sp.GetRequiredService<IOptions<RedirectOptions>>().Value));
        return services;
    }
}
