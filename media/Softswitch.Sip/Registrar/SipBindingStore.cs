namespace Softswitch.Sip.Registrar;

/// <summary>In-memory, thread-safe bindings keyed by (domain, user); expired contacts disappear on read.</summary>
public sealed class SipBindingStore(TimeProvider timeProvider)
{
    private readonly Dictionary<(string Domain, string User), List<SipBinding>> _bindings = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<SipBinding> Get(string domain, string user)
    {
        lock (_gate)
        {
            return Live(Key(domain, user)).ToList();
        }
    }

    /// <summary>Number of addresses-of-record with at least one live binding.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _bindings.Keys.ToList().Count(key => Live(key).Count > 0);
            }
        }
    }

    /// <summary>
    /// Applies one REGISTER atomically (RFC 3261 §10.3 step 8): each change adds, refreshes or (expires 0) removes
    /// the binding of a contact URI. Changes nothing when a change is older than the stored binding (step 7), or
    /// when the AOR would end with more than <paramref name="maxContacts"/> live contacts.
    /// </summary>
    public BindingChange Apply(
        string domain, string user, IReadOnlyList<(SipNameAddress Contact, TimeSpan Expires)> changes, string callId, uint cseq, SipEndPoint source, int maxContacts)
    {
        var key = Key(domain, user);
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            var list = Live(key);
            foreach (var (contact, _) in changes)
            {
                var existing = list.Find(b => SameContact(b.Contact, contact));
                if (existing is not null && existing.CallId == callId && cseq <= existing.CSeq)
                {
                    return BindingChange.OutOfOrder;
                }
            }

            var after = list.Count(b => !changes.Any(c => SameContact(b.Contact, c.Contact)))
                + changes.Count(c => c.Expires > TimeSpan.Zero);
            if (after > maxContacts)
            {
                if (list.Count == 0)
                {
                    _bindings.Remove(key);
                }

                return BindingChange.TooManyContacts;
            }

            foreach (var (contact, expires) in changes)
            {
                list.RemoveAll(b => SameContact(b.Contact, contact));
                if (expires > TimeSpan.Zero)
                {
                    list.Add(new SipBinding(contact, callId, cseq, now + expires, source));
                }
            }

            if (list.Count == 0)
            {
                _bindings.Remove(key);
            }

            return BindingChange.Applied;
        }
    }

    /// <summary>RFC 3261 §10.3 step 6: <c>Contact: *</c> with Expires 0 removes every binding of the AOR.</summary>
    public void RemoveAll(string domain, string user)
    {
        lock (_gate)
        {
            _bindings.Remove(Key(domain, user));
        }
    }

    private List<SipBinding> Live((string, string) key)
    {
        if (!_bindings.TryGetValue(key, out var list))
        {
            list = [];
            _bindings[key] = list;
            return list;
        }

        var now = timeProvider.GetUtcNow();
        list.RemoveAll(b => b.ExpiresAt <= now);
        return list;
    }

    private static (string, string) Key(string domain, string user) => (domain.ToLowerInvariant(), user);

    private static bool SameContact(SipNameAddress a, SipNameAddress b) =>
        string.Equals(a.Uri.ToString(), b.Uri.ToString(), StringComparison.OrdinalIgnoreCase);
}
