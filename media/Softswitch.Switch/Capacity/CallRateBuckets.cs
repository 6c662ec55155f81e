using System.Collections.Concurrent;

namespace Softswitch.Switch.Capacity;

/// <summary>
/// Token buckets of new calls a second, keyed by trunk or account id: each holds at most one second's worth of calls
/// (so a burst after a quiet spell is the configured rate, never more) and refills continuously on the injected clock.
/// </summary>
/// <remarks>Buckets live as long as the process, one per configured trunk or account that has a rate, so they are bounded by the configuration.</remarks>
public sealed class CallRateBuckets(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one call from <paramref name="id"/>'s bucket; false when it is empty. A null rate always allows.</summary>
    public bool TryTake(string id, int? perSecond)
    {
        if (perSecond is not { } rate)
        {
            return true;
        }

        var bucket = _buckets.GetOrAdd(id, static (_, start) => new Bucket(start), time.GetTimestamp());
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var refilled = time.GetElapsedTime(bucket.RefilledAt, now).TotalSeconds * rate;
            bucket.Tokens = Math.Min(rate, bucket.Tokens + refilled);
            bucket.RefilledAt = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    private sealed class Bucket(long start)
    {
        // A new bucket starts full: the first second of a trunk is not refused for having had no past.
        public double Tokens = double.MaxValue;

        public long RefilledAt = start;
    }
}
