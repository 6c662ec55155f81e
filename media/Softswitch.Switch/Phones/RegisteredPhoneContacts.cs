using System.Globalization;
using Softswitch.Sip.Registrar;
using Softswitch.Switch.Config;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Phones;

/// <summary>A phone's contacts from the switch's own registrar: its bindings under the tenant's SIP domain.</summary>
public sealed class RegisteredPhoneContacts(SipBindingStore bindings) : IPhoneContacts
{
    public IReadOnlyList<PhoneContact> Find(TenantConfig tenant, PhoneEntry phone)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(phone);
        var live = bindings.Get(tenant.SipDomain, phone.Username);
        if (live.Count == 0)
        {
            return [];
        }

        // Highest q first; among equals the latest registration, the device most likely in the user's hand.
        return live
            .Select((binding, index) => (Contact: new PhoneContact(binding.Contact.Uri, binding.Source, Q(binding)), Index: index))
            .OrderByDescending(c => c.Contact.Q).ThenByDescending(c => c.Index)
            .Select(c => c.Contact)
            .ToList();
    }

    // RFC 3261 §20.10: q is 0 to 1; a contact without one ranks as 1 here, like most registrars.
    private static double Q(SipBinding binding) =>
        double.TryParse(binding.Contact.Parameters["q"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? Math.Clamp(q, 0, 1) : 1;
}
