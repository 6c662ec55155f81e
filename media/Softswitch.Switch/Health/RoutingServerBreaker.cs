using System.Collections.Concurrent;

namespace Softswitch.Switch.Health;

/// <summary>
/// A circuit breaker per routing server of each tenant (issue 10 §2): after <c>failuresToOpen</c> consecutive
/// failures (a timeout or a 5xx) the server is skipped for <c>coolDown</c>; then one query is let through as a
/// probe (half-open): its success closes the circuit, its failure opens it for another cool-down. Circuits are made
/// only for servers in the tenants' profiles, so their number is bounded by the configuration.
/// </summary>
public sealed class RoutingServerBreaker
{
    private readonly ConcurrentDictionary<PeerKey, Circuit> _circuits = new();
    private readonly int _failuresToOpen;
    private readonly TimeSpan _coolDown;
    private readonly TimeProvider _time;
    private long _opened;
    private long _skipped;

    public RoutingServerBreaker(int failuresToOpen, TimeSpan coolDown, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresToOpen, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(coolDown, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _failuresToOpen = failuresToOpen;
        _coolDown = coolDown;
        _time = time;
    }

    /// <summary>Times a circuit opened (from closed, or again after a failed probe).</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>Queries that passed over a server because its circuit was open.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public BreakerState StateOf(PeerKey key)
    {
        if (!_circuits.TryGetValue(key, out var circuit))
        {
            return BreakerState.Closed;
        }

        lock (circuit)
        {
            return circuit.State;
        }
    }

    /// <summary>True when the server may be asked now: closed, or the one half-open probe after its cool-down.</summary>
    public bool TryPass(PeerKey key)
    {
        if (!_circuits.TryGetValue(key, out var circuit))
        {
            return true;
        }

        lock (circuit)
        {
            switch (circuit.State)
            {
                case BreakerState.Closed:
                    return true;
                case BreakerState.Open when _time.GetUtcNow() >= circuit.OpenUntil:
                    circuit.State = BreakerState.HalfOpen;
                    return true;
                default:
                    Interlocked.Increment(ref _skipped);
                    return false;
            }
        }
    }

    /// <summary>The server answered (any answer but a 5xx).</summary>
    public void Succeeded(PeerKey key)
    {
        if (_circuits.TryGetValue(key, out var circuit))
        {
            lock (circuit)
            {
                circuit.State = BreakerState.Closed;
                circuit.Failures = 0;
            }
        }
    }

    /// <summary>The server timed out or answered 5xx.</summary>
    public void Failed(PeerKey key)
    {
        var circuit = _circuits.GetOrAdd(key, static _ => new Circuit());
        lock (circuit)
        {
            circuit.Failures++;
            if (circuit.State == BreakerState.HalfOpen || (circuit.State == BreakerState.Closed && circuit.Failures >= _failuresToOpen))
            {
                circuit.State = BreakerState.Open;
                circuit.OpenUntil = _time.GetUtcNow() + _coolDown;
                Interlocked.Increment(ref _opened);
            }
        }
    }

    /// <summary>
    /// The query was given up before the server's own timeout (the caller hung up, the profile's deadline passed):
    /// no verdict, and a half-open probe lets the next query probe again.
    /// </summary>
    public void Abandoned(PeerKey key)
    {
        if (_circuits.TryGetValue(key, out var circuit))
        {
            lock (circuit)
            {
                if (circuit.State == BreakerState.HalfOpen)
                {
                    circuit.State = BreakerState.Open;
                }
            }
        }
    }

    private sealed class Circuit
    {
        public BreakerState State { get; set; }

        public int Failures { get; set; }

        public DateTimeOffset OpenUntil { get; set; }
    }
}

public enum BreakerState
{
    Closed,
    Open,
    HalfOpen,
}
