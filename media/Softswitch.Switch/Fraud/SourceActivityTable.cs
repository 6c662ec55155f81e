using System.Net;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// The per-source counters, bounded: an attacker spoofing many addresses fills it, and then the source seen first is
/// forgotten for each new one (it only loses its counts; bans live in <see cref="BanTable"/>).
/// </summary>
internal sealed class SourceActivityTable(int capacity)
{
    private readonly Dictionary<IPAddress, (SourceActivity Activity, LinkedListNode<IPAddress> Age)> _sources = [];
    private readonly LinkedList<IPAddress> _oldestFirst = new();
    private readonly Lock _lock = new();
    private long _evicted;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _sources.Count;
            }
        }
    }

    /// <summary>Sources forgotten to make room for newer ones.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    public int CountRequest(IPAddress source, DateTimeOffset now, TimeSpan window)
    {
        lock (_lock)
        {
            return Get(source).Requests.Add(now, window);
        }
    }

    public int CountAuthFailure(IPAddress source, DateTimeOffset now, TimeSpan window)
    {
        lock (_lock)
        {
            return Get(source).AuthFailures.Add(now, window);
        }
    }

    public int CountScannerHit(IPAddress source, DateTimeOffset now, TimeSpan window)
    {
        lock (_lock)
        {
            return Get(source).ScannerHits.Add(now, window);
        }
    }

    public int CountUser(IPAddress source, string user, DateTimeOffset now, TimeSpan window, int limit)
    {
        lock (_lock)
        {
            return Get(source).Users.Add(user, now, window, limit);
        }
    }

    /// <summary>Drops a source's counts (it was banned, or its ban was lifted): it starts from zero next time.</summary>
    public void Forget(IPAddress source)
    {
        lock (_lock)
        {
            if (_sources.Remove(source, out var entry))
            {
                _oldestFirst.Remove(entry.Age);
            }
        }
    }

    private SourceActivity Get(IPAddress source)
    {
        if (_sources.TryGetValue(source, out var entry))
        {
            return entry.Activity;
        }

        if (_sources.Count >= capacity && _oldestFirst.First is { } oldest)
        {
            // The oldest source's node and counters are reused for the new one: a spoofed flood allocates nothing here.
            var evicted = _sources[oldest.Value].Activity;
            _sources.Remove(oldest.Value);
            _oldestFirst.RemoveFirst();
            _evicted++;
            evicted.Reset();
            oldest.Value = source;
            _oldestFirst.AddLast(oldest);
            _sources[source] = (evicted, oldest);
            return evicted;
        }

        var activity = new SourceActivity();
        _sources[source] = (activity, _oldestFirst.AddLast(source));
        return activity;
    }
}
