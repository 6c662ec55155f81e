namespace Softswitch.Sip.Messages;

/// <summary>
/// Shares one <see cref="SipUri"/> between the dialogs that keep the same one: a trunk or a vendor gives the same
/// Contact on every call, and each held call keeps it as its dialog's remote target. URIs are immutable, so sharing is
/// safe. A fixed table of slots, each overwritten by the last URI that hashed to it (as <see cref="SipTokenPool"/>):
/// what a sender can put in it is bounded, and a miss only costs the memory it would have saved.
/// </summary>
public static class SipUriPool
{
    private const int Slots = 4096; // a power of two
    private static readonly SipUri?[] Table = new SipUri?[Slots];

    /// <summary>The pooled URI written exactly as <paramref name="uri"/> (same components, same case), or <paramref name="uri"/> itself.</summary>
    public static SipUri Share(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ref var slot = ref Table[Hash(uri) & (Slots - 1)];
        var pooled = Volatile.Read(ref slot);
        if (pooled is not null && SameText(pooled, uri))
        {
            return pooled;
        }

        Volatile.Write(ref slot, uri);
        return uri;
    }

    // string.GetHashCode is seeded per process, so a sender cannot aim its URIs at another peer's slot.
    private static int Hash(SipUri uri)
    {
        var hash = HashCode.Combine(uri.Scheme, uri.User, uri.Host, uri.Port, uri.Parameters.Count);
        foreach (var parameter in uri.Parameters)
        {
            hash = HashCode.Combine(hash, parameter.Name, parameter.Value);
        }

        return hash;
    }

    private static bool SameText(SipUri a, SipUri b)
    {
        if (!string.Equals(a.Scheme, b.Scheme, StringComparison.Ordinal) || !string.Equals(a.User, b.User, StringComparison.Ordinal)
            || !string.Equals(a.Password, b.Password, StringComparison.Ordinal) || !string.Equals(a.Host, b.Host, StringComparison.Ordinal)
            || a.Port != b.Port || !string.Equals(a.Headers, b.Headers, StringComparison.Ordinal) || a.Parameters.Count != b.Parameters.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Parameters.Count; i++)
        {
            if (!string.Equals(a.Parameters[i].Name, b.Parameters[i].Name, StringComparison.Ordinal)
                || !string.Equals(a.Parameters[i].Value, b.Parameters[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
