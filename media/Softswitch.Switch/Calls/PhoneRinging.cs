using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Sequential forking (RFC 3261 §16.6 with one branch at a time) over a phone's contacts, best q first: the next
/// contact rings when the current one fails or Timer C expires on it.
/// </summary>
internal sealed class PhoneRinging(PhoneTarget target, bool redirectsWhenOffline)
{
    private int _next;

    public PhoneTarget Target { get; } = target;

    /// <summary>The phone had no live contact and its calls go to its offline redirect gateway.</summary>
    public bool Redirected => Target.Contacts.Count == 0 && redirectsWhenOffline;

    public bool TryNext(out PhoneContact contact)
    {
        if (_next < Target.Contacts.Count)
        {
            contact = Target.Contacts[_next++];
            return true;
        }

        contact = null!;
        return false;
    }
}
