using System.Collections.Concurrent;
using Softswitch.Domain;

namespace Softswitch.Switch.Health;

/// <summary>
/// The health of every pinged peer of one kind (routing gateways, or SIP routing servers), in this switch's memory.
/// The <see cref="ProbeScheduler"/> writes it; routing reads <see cref="IsDown"/> without a lock or an allocation.
/// <see cref="Changed"/> is raised after each transition, outside the lock (the durable writer queues it).
/// </summary>
public sealed class PeerHealthBoard : IGatewayHealthView
{
    private readonly ConcurrentDictionary<PeerKey, PeerHealthState> _peers = new();
    private readonly Lock _gate = new();
    private readonly int _downAfter;
    private readonly TimeProvider _time;
    private long _sent;
    private long _answered;
    private long _timedOut;
    private long _skipped;
    private int _down;

    public PeerHealthBoard(int downAfterTimeouts, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(downAfterTimeouts, 1);
        ArgumentNullException.ThrowIfNull(time);
        _downAfter = downAfterTimeouts;
        _time = time;
    }

    public event Action<PeerHealthTransition>? Changed;

    public long PingsSent => Interlocked.Read(ref _sent);

    public long PingsAnswered => Interlocked.Read(ref _answered);

    public long PingsTimedOut => Interlocked.Read(ref _timedOut);

    /// <summary>Times routing passed over a down peer.</summary>
    public long SkippedDown => Interlocked.Read(ref _skipped);

    /// <summary>Peers down now (a gauge).</summary>
    public int DownCount => Volatile.Read(ref _down);

    /// <summary>Peers being pinged.</summary>
    public int Watched => _peers.Count;

    public bool IsDown(PeerKey key) => _peers.TryGetValue(key, out var state) && state.Status == GatewayHealthStatus.Down;

    public GatewayHealthReading Read(string tenantId, string routingGatewayId)
    {
        if (!_peers.TryGetValue(new PeerKey(tenantId, routingGatewayId), out var state))
        {
            return GatewayHealthReading.Unknown;
        }

        lock (_gate)
        {
            return new GatewayHealthReading(state.Status, state.Since?.UtcDateTime);
        }
    }

    /// <summary>Counts one pass over a down peer by routing.</summary>
    public void Skipped() => Interlocked.Increment(ref _skipped);

    internal void Watch(PeerKey key) => _peers.TryAdd(key, new PeerHealthState());

    /// <summary>The peer is no longer pinged: its state is dropped, and a known state becomes unknown.</summary>
    internal void Forget(PeerKey key)
    {
        PeerHealthTransition? transition = null;
        lock (_gate)
        {
            if (_peers.TryRemove(key, out var state) && state.Status != GatewayHealthStatus.Unknown)
            {
                if (state.Status == GatewayHealthStatus.Down)
                {
                    _down--;
                }

                transition = new PeerHealthTransition(key, state.Status, GatewayHealthStatus.Unknown, _time.GetUtcNow(), 0);
            }
        }

        Raise(transition);
    }

    internal void Sent() => Interlocked.Increment(ref _sent);

    internal void Record(PeerKey key, bool answered)
    {
        Interlocked.Increment(ref answered ? ref _answered : ref _timedOut);
        PeerHealthTransition? transition = null;
        lock (_gate)
        {
            if (!_peers.TryGetValue(key, out var state))
            {
                return;
            }

            var from = state.Status;
            var now = _time.GetUtcNow();
            if ((answered ? state.Answered(now) : state.TimedOut(now, _downAfter)) is { } to)
            {
                _down += (to == GatewayHealthStatus.Down ? 1 : 0) - (from == GatewayHealthStatus.Down ? 1 : 0);
                transition = new PeerHealthTransition(key, from, to, now, answered ? 0 : state.ConsecutiveTimeouts);
            }
        }

        Raise(transition);
    }

    private void Raise(PeerHealthTransition? transition)
    {
        if (transition is { } happened)
        {
            Changed?.Invoke(happened);
        }
    }
}
