using System.Collections.Concurrent;

namespace Softswitch.Switch.Capacity;

/// <summary>
/// Concurrent-call counters keyed by gateway (or phone) id: VOS3000's "max concurrent calls". Acquiring is a
/// compare-and-swap loop, so calls on different threads never take a lock and a full gateway never goes over.
/// </summary>
/// <remarks>Counters live as long as the process, so a limit change in a new snapshot applies to calls already up.</remarks>
public sealed class CallCapacity
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Takes one call slot; false when <paramref name="limit"/> calls are already up. A null limit means unlimited (still counted).</summary>
    public bool TryAcquire(string id, int? limit)
    {
        var counter = _counters.GetOrAdd(id, static _ => new Counter());
        while (true)
        {
            var current = Volatile.Read(ref counter.Value);
            if (limit is { } max && current >= max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter.Value, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TryAcquire"/>; call exactly once per successful acquire.</summary>
    public void Release(string id)
    {
        if (!_counters.TryGetValue(id, out var counter) || Interlocked.Decrement(ref counter.Value) < 0)
        {
            throw new InvalidOperationException($"Released a call slot of '{id}' that was never acquired.");
        }
    }

    public int InUse(string id) => _counters.TryGetValue(id, out var counter) ? Volatile.Read(ref counter.Value) : 0;

    private sealed class Counter
    {
        public int Value;
    }
}
