using Softswitch.Switch.Config;
using Softswitch.Switch.Phones;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Tests.Phones;

/// <summary>A phone's registered contacts as the test sets them; counts the lookups.</summary>
internal sealed class FixedContacts : IPhoneContacts
{
    private IReadOnlyList<PhoneContact> _contacts = [];
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public void Set(params PhoneContact[] contacts) => _contacts = contacts;

    public IReadOnlyList<PhoneContact> Find(TenantConfig tenant, PhoneEntry phone)
    {
        Interlocked.Increment(ref _lookups);
        return _contacts;
    }
}
