namespace Softswitch.Sip.Registrar;

/// <summary>
/// In-memory, thread-safe bindings keyed by (domain, user). Expired contacts disappear on read, and a timer finds them
/// when nobody reads, so <see cref="PresenceChanged"/> tells of an expiry when it happens, not at the next call.
/// </summary>
public sealed class SipBindingStore : IDisposable
{
    private readonly Dictionary<(string Domain, string User), List<SipBinding>> _bindings = [];
    private readonly HashSet<(string Domain, string User)> _online = [];

    // One expiry check per AOR, at the earliest expiry it had when scheduled; a refresh moves nothing (the check
    // finds the later expiry and schedules again), so the queue holds about one entry per AOR that was online.
    private readonly PriorityQueue<(string Domain, string User), DateTimeOffset> _checks = new();
    private readonly Dictionary<(string Domain, string User), DateTimeOffset> _checkAt = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _expiryTimer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;

    public SipBindingStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _expiryTimer = timeProvider.CreateTimer(_ => SweepExpired(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Raised inside the store's lock, so changes arrive in the order they happened even when a REGISTER and the
    /// expiry timer race; a handler must therefore be quick, must not throw and must not call back into the store:
    /// hand the change to a queue.
    /// </summary>
    public event Action<AorPresence>? PresenceChanged;

    public IReadOnlyList<SipBinding> Get(string domain, string user)
    {
        List<AorPresence>? changes = null;
        IReadOnlyList<SipBinding> live;
        lock (_gate)
        {
            var key = Key(domain, user);
            live = Live(key).ToList();
            Settle(key, AorPresenceCause.Expired, ref changes);
            Raise(changes);
        }

        return live;
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
        ArgumentNullException.ThrowIfNull(changes);
        var key = Key(domain, user);
        var now = _timeProvider.GetUtcNow();
        List<AorPresence>? presence = null;
        BindingChange result;
        lock (_gate)
        {
            result = ApplyLocked(key, changes, callId, cseq, source, maxContacts, now);
            var cause = changes.All(c => c.Expires <= TimeSpan.Zero) ? AorPresenceCause.Unregistered : AorPresenceCause.Registered;
            Settle(key, cause, ref presence);
            Raise(presence);
        }

        return result;
    }

    /// <summary>RFC 3261 §10.3 step 6: <c>Contact: *</c> with Expires 0 removes every binding of the AOR.</summary>
    public void RemoveAll(string domain, string user)
    {
        List<AorPresence>? presence = null;
        lock (_gate)
        {
            var key = Key(domain, user);
            _bindings.Remove(key);
            Settle(key, AorPresenceCause.Unregistered, ref presence);
            Raise(presence);
        }
    }

    public void Dispose() => _expiryTimer.Dispose();

    private BindingChange ApplyLocked(
        (string, string) key, IReadOnlyList<(SipNameAddress Contact, TimeSpan Expires)> changes, string callId, uint cseq, SipEndPoint source, int maxContacts, DateTimeOffset now)
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

    /// <summary>Notes a presence change of <paramref name="key"/> and keeps one expiry check scheduled while it is online.</summary>
    private void Settle((string Domain, string User) key, AorPresenceCause offlineCause, ref List<AorPresence>? changes)
    {
        var online = _bindings.TryGetValue(key, out var list) && list.Count > 0;
        if (!online)
        {
            _bindings.Remove(key);
        }

        var now = _timeProvider.GetUtcNow();
        if (online && _online.Add(key))
        {
            (changes ??= []).Add(new AorPresence(key.Domain, key.User, true, AorPresenceCause.Registered, now));
        }
        else if (!online && _online.Remove(key))
        {
            (changes ??= []).Add(new AorPresence(key.Domain, key.User, false, offlineCause, now));
        }

        // An offline AOR keeps its pending check, so a phone that flaps adds no queue entry unless it expires sooner.
        var at = online ? list!.Min(b => b.ExpiresAt) : DateTimeOffset.MaxValue;
        if (online && (!_checkAt.TryGetValue(key, out var scheduled) || at < scheduled))
        {
            _checkAt[key] = at;
            _checks.Enqueue(key, at);
            if (at < _timerDue)
            {
                _timerDue = at;
                _expiryTimer.Change(Max(at - now, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void SweepExpired()
    {
        List<AorPresence>? changes = null;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            _timerDue = DateTimeOffset.MaxValue;
            while (_checks.TryPeek(out var key, out var at) && at <= now)
            {
                _checks.Dequeue();
                if (_checkAt.TryGetValue(key, out var scheduled) && scheduled == at)
                {
                    _checkAt.Remove(key);
                    Live(key);
                    Settle(key, AorPresenceCause.Expired, ref changes);
                }
            }

            if (_checks.TryPeek(out _, out var next))
            {
                _timerDue = next;
                _expiryTimer.Change(Max(next - now, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
            }

            Raise(changes);
        }
    }

    private void Raise(List<AorPresence>? changes)
    {
        if (changes is null || PresenceChanged is not { } handler)
        {
            return;
        }

        foreach (var change in changes)
        {
            handler(change);
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

        var now = _timeProvider.GetUtcNow();
        list.RemoveAll(b => b.ExpiresAt <= now);
        return list;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static (string, string) Key(string domain, string user) => (domain.ToLowerInvariant(), user);

    private static bool SameContact(SipNameAddress a, SipNameAddress b) =>
        string.Equals(a.Uri.ToString(), b.Uri.ToString(), StringComparison.OrdinalIgnoreCase);
}
