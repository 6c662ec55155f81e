using Softswitch.Sip.Registrar;

namespace Softswitch.Media.Phones;

/// <summary>
/// Keeps a flapping phone from flooding its tenant's CRM: at most one presence event per phone per
/// <see cref="MinInterval"/>, and only a change from what was last sent. A phone that goes offline and back online
/// within the interval sends nothing; one that keeps flapping sends its state once per interval. The first change of
/// a quiet phone goes at once. Holds one entry per phone that is online or changed within the interval, so it is
/// bounded by the phones that can register. Not thread-safe: the writer's loop owns it.
/// </summary>
public sealed class PresenceCoalescer(TimeSpan minInterval)
{
    private readonly Dictionary<(string Domain, string User), State> _phones = [];

    public TimeSpan MinInterval { get; } = minInterval;

    /// <summary>Phones tracked (a gauge for the bound).</summary>
    public int Count => _phones.Count;

    public void Offer(AorPresence change)
    {
        var key = (change.Domain, change.User);
        if (!_phones.TryGetValue(key, out var state))
        {
            state = new State();
            _phones[key] = state;
        }

        state.Pending = change;
    }

    /// <summary>The changes to send now; <paramref name="nextDue"/> is when held ones ripen, or null when none is held.</summary>
    public List<AorPresence> TakeDue(DateTimeOffset now, out DateTimeOffset? nextDue)
    {
        var due = new List<AorPresence>();
        nextDue = null;
        List<(string, string)>? forget = null;
        foreach (var (key, state) in _phones)
        {
            var ripe = state.SentAt + MinInterval;
            if (state.Pending is { } pending)
            {
                if (pending.Online == state.SentOnline)
                {
                    state.Pending = null;
                }
                else if (ripe <= now)
                {
                    due.Add(pending);
                    state.SentOnline = pending.Online;
                    state.SentAt = now;
                    state.Pending = null;
                    ripe = now + MinInterval;
                }
                else
                {
                    nextDue = nextDue is { } earliest && earliest < ripe ? earliest : ripe;
                }
            }

            if (state.Pending is null && !state.SentOnline && ripe <= now)
            {
                (forget ??= []).Add(key);
            }
        }

        forget?.ForEach(key => _phones.Remove(key));
        return due;
    }

    private sealed class State
    {
        public bool SentOnline { get; set; }

        public DateTimeOffset SentAt { get; set; } = DateTimeOffset.MinValue;

        public AorPresence? Pending { get; set; }
    }
}
