using Softswitch.Switch.Config;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Phones;

/// <summary>The live registered contacts of a phone, highest q first (RFC 3261 §16.6: sequential search order).</summary>
public interface IPhoneContacts
{
    IReadOnlyList<PhoneContact> Find(TenantConfig tenant, PhoneEntry phone);
}
