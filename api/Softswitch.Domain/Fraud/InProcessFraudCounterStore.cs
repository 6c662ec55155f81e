using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Softswitch.Domain.Fraud;

/// <summary>
/// The default <see cref="IFraudCounterStore"/>: counters in this process, one partition per tenant with its own lock
/// and its own bound of <c>maxCountersPerTenant</c>, so one tenant's traffic can neither read nor push out another's.
/// A full partition first drops counters whose window has closed (at most once a second, so a flood of new numbers
/// cannot make every call sweep); if none has, a new subject goes uncounted (see <see cref="Untracked"/>) rather than
/// pushing out a counter that may be about to catch an attacker. Counters are held by value in their partition's table
/// (<see cref="FraudCounter"/>), so counting a new subject allocates nothing but, for a distinct-destination rule, its
/// member set.
/// </summary>
public sealed class InProcessFraudCounterStore(int maxCountersPerTenant, TimeProvider time) : IFraudCounterStore
{
    private readonly ConcurrentDictionary<string, Partition> _tenants = new(StringComparer.Ordinal);
    private long _untracked;

    /// <summary>Events not counted because their tenant's partition was full of live counters.</summary>
    public long Untracked => Interlocked.Read(ref _untracked);

    public int Add(in FraudCounterKey key, DateTimeOffset now, TimeSpan window, string callId)
    {
        var partition = PartitionOf(key.TenantId);
        lock (partition.Gate)
        {
            ref var counter = ref FindOrCreate(partition, key, now.UtcTicks);
            if (Unsafe.IsNullRef(ref counter))
            {
                return 0;
            }

            counter.Roll(now.UtcTicks, window);
            counter.Note(callId);
            return ++counter.Count;
        }
    }

    public int AddDistinct(in FraudCounterKey key, ReadOnlySpan<char> member, DateTimeOffset now, TimeSpan window, int cap, string callId, out bool isNew)
    {
        var partition = PartitionOf(key.TenantId);
        lock (partition.Gate)
        {
            isNew = false;
            ref var counter = ref FindOrCreate(partition, key, now.UtcTicks);
            if (Unsafe.IsNullRef(ref counter))
            {
                return 0;
            }

            counter.Roll(now.UtcTicks, window);
            var members = counter.Members ??= new DistinctMembers();
            if (members.Count < cap && members.Add(member))
            {
                isNew = true;
                counter.Note(callId);
                counter.Count = members.Count;
            }

            return counter.Count;
        }
    }

    public int AddInFlight(in FraudCounterKey key, int delta, string callId)
    {
        var partition = PartitionOf(key.TenantId);
        lock (partition.Gate)
        {
            if (delta <= 0)
            {
                var slotKey = CounterSlotKey.Of(key);
                ref var held = ref CollectionsMarshal.GetValueRefOrNullRef(partition.Counters, slotKey);
                if (Unsafe.IsNullRef(ref held))
                {
                    return 0;
                }

                held.Count = Math.Max(0, held.Count + delta);
                var left = held.Count;
                if (left == 0)
                {
                    partition.Counters.Remove(slotKey);
                }

                return left;
            }

            ref var counter = ref FindOrCreate(partition, key, time.GetUtcNow().UtcTicks);
            if (Unsafe.IsNullRef(ref counter))
            {
                return 0;
            }

            counter.ClosesAt = long.MaxValue;
            counter.Note(callId);
            counter.Count += delta;
            return counter.Count;
        }
    }

    public void Clear(in FraudCounterKey key)
    {
        if (_tenants.TryGetValue(key.TenantId, out var partition))
        {
            lock (partition.Gate)
            {
                partition.Counters.Remove(CounterSlotKey.Of(key));
            }
        }
    }

    public void ClearSubject(string tenantId, string subject)
    {
        if (!_tenants.TryGetValue(tenantId, out var partition))
        {
            return;
        }

        lock (partition.Gate)
        {
            foreach (var key in partition.Counters.Keys.Where(k => k.IsOf(subject)).ToList())
            {
                partition.Counters.Remove(key);
            }
        }
    }

    public IReadOnlyList<string> Evidence(in FraudCounterKey key)
    {
        if (!_tenants.TryGetValue(key.TenantId, out var partition))
        {
            return [];
        }

        lock (partition.Gate)
        {
            return partition.Counters.TryGetValue(CounterSlotKey.Of(key), out var counter) ? counter.Evidence() : [];
        }
    }

    /// <summary>Counters held for <paramref name="tenantId"/> (for tests and gauges).</summary>
    public int CountFor(string tenantId) => _tenants.TryGetValue(tenantId, out var partition) ? partition.Counters.Count : 0;

    private Partition PartitionOf(string tenantId) => _tenants.GetOrAdd(tenantId, static (_, max) => new Partition(max), maxCountersPerTenant);

    /// <summary>The key's counter, made when missing and there is room; a null reference when there is none. Under the lock.</summary>
    private ref FraudCounter FindOrCreate(Partition partition, in FraudCounterKey key, long now)
    {
        var slotKey = CounterSlotKey.Of(key);
        ref var counter = ref CollectionsMarshal.GetValueRefOrNullRef(partition.Counters, slotKey);
        if (!Unsafe.IsNullRef(ref counter))
        {
            return ref counter;
        }

        if (partition.Counters.Count >= maxCountersPerTenant && !partition.TrySweep(now))
        {
            Interlocked.Increment(ref _untracked);
            return ref Unsafe.NullRef<FraudCounter>();
        }

        return ref CollectionsMarshal.GetValueRefOrAddDefault(partition.Counters, slotKey, out _);
    }

    private sealed class Partition(int capacity)
    {
        private long _sweptAt;

        public Lock Gate { get; } = new();

        public Dictionary<CounterSlotKey, FraudCounter> Counters { get; } = [];

        /// <summary>Drops closed windows, at most once a second; true when that made room.</summary>
        public bool TrySweep(long now)
        {
            if (now - _sweptAt < TimeSpan.TicksPerSecond)
            {
                return false;
            }

            _sweptAt = now;
            foreach (var (key, counter) in Counters)
            {
                if (counter.ClosesAt <= now)
                {
                    Counters.Remove(key);
                }
            }

            return Counters.Count < capacity;
        }
    }
}
