using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Softswitch.Media.Webhooks;
using Softswitch.Sip.Registrar;
using Softswitch.Switch.Config;

namespace Softswitch.Media.Phones;

public static class PhonePresenceRegistration
{
    /// <summary>
    /// The registrar's binding store, shared by the registrar and the call router, and the presence writer that
    /// turns its changes into <c>phone.online</c> / <c>phone.offline</c> webhooks. Needs the webhook fast path.
    /// </summary>
    internal static IServiceCollection AddPhonePresence(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SipBindingStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PhonePresenceWriter(
            sp.GetRequiredService<SipBindingStore>(), sp.GetRequiredService<SwitchCoreRegistration.SwitchDatabase>().Options,
            sp.GetRequiredService<ISwitchConfigSource>(), sp.GetRequiredService<WebhookEndpointTable>(),
            sp.GetRequiredService<Channel<WebhookWork>>().Writer, sp.GetRequiredService<WebhookCounters>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PhonePresenceWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<PhonePresenceWriter>());
        return services;
    }
}
