using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Health;

/// <summary>
/// Pings peers with OPTIONS, off the call path, on a <see cref="TimeProvider"/> timer ticking every
/// <see cref="TickInterval"/>: each peer when its interval has passed since its last ping, never with two pings of
/// one peer outstanding, and at most <c>maxPingsPerTick</c> pings a tick (the longest-waiting first; the rest go at the
/// next tick). The peer list follows the configuration: a new peer is pinged at once, a removed one forgotten.
/// </summary>
public sealed partial class ProbeScheduler : IDisposable
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private readonly IProbeTargetSource _source;
    private readonly IOptionsProbe _probe;
    private readonly PeerHealthBoard _board;
    private readonly int _maxPingsPerTick;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<PeerKey, Peer> _peers = [];
    private readonly List<Peer> _due = [];
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private object? _version;

    public ProbeScheduler(IProbeTargetSource source, IOptionsProbe probe, PeerHealthBoard board, int maxPingsPerTick, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPingsPerTick, 1);
        ArgumentNullException.ThrowIfNull(time);
        _source = source;
        _probe = probe;
        _board = board;
        _maxPingsPerTick = maxPingsPerTick;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static s => ((ProbeScheduler)s!).Tick(), this, TimeSpan.Zero, TickInterval);
    }

    /// <summary>Pings outstanding now (at most one per peer).</summary>
    public int Outstanding
    {
        get
        {
            lock (_gate)
            {
                return _peers.Values.Count(p => p.InFlight);
            }
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            Follow(_source.Version);
            var now = _time.GetUtcNow();
            _due.Clear();
            foreach (var peer in _peers.Values)
            {
                if (!peer.InFlight && peer.NextDue <= now)
                {
                    _due.Add(peer);
                }
            }

            _due.Sort(static (a, b) => a.NextDue.CompareTo(b.NextDue));
            for (var i = 0; i < _due.Count && i < _maxPingsPerTick; i++)
            {
                Ping(_due[i], now);
            }
        }
    }

    private void Follow(object version)
    {
        if (ReferenceEquals(version, _version))
        {
            return;
        }

        _version = version;
        var wanted = new Dictionary<PeerKey, ProbeTarget>();
        foreach (var target in _source.Targets(version))
        {
            wanted.TryAdd(target.Key, target);
        }

        foreach (var (key, peer) in _peers.ToList())
        {
            if (!wanted.TryGetValue(key, out var target) || !SamePlace(target, peer.Target))
            {
                _peers.Remove(key);
                _board.Forget(key);
            }
            else
            {
                peer.Target = target;
            }
        }

        foreach (var (key, target) in wanted)
        {
            if (!_peers.ContainsKey(key))
            {
                _peers.Add(key, new Peer(target));
                _board.Watch(key);
            }
        }
    }

    private void Ping(Peer peer, DateTimeOffset now)
    {
        peer.InFlight = true;
        peer.NextDue = now + peer.Target.Interval;
        _board.Sent();
        Task<bool> probe;
        try
        {
            probe = _probe.ProbeAsync(peer.Target);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Net.Sockets.SocketException or ArgumentException)
        {
            LogProbeFailed(_logger, exception, peer.Target.Host, peer.Target.Port);
            probe = Task.FromResult(false);
        }

        _ = probe.ContinueWith(
            static (task, state) => ((PeerPing)state!).Done(task),
            new PeerPing(this, peer),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Completed(Peer peer, Task<bool> probe)
    {
        if (probe.Exception is { } failure)
        {
            LogProbeFailed(_logger, failure.GetBaseException(), peer.Target.Host, peer.Target.Port);
        }

        var answered = probe.IsCompletedSuccessfully && probe.Result;
        lock (_gate)
        {
            peer.InFlight = false;
            if (!_peers.TryGetValue(peer.Target.Key, out var current) || !ReferenceEquals(current, peer))
            {
                return;
            }
        }

        _board.Record(peer.Target.Key, answered);
    }

    private static bool SamePlace(ProbeTarget a, ProbeTarget b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port && a.Protocol == b.Protocol;

    public void Dispose() => _timer.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "OPTIONS ping to {Host}:{Port} failed before an answer; counted as a timeout")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception, string host, int port);

    private sealed class Peer(ProbeTarget target)
    {
        public ProbeTarget Target { get; set; } = target;

        public DateTimeOffset NextDue { get; set; } = DateTimeOffset.MinValue;

        public bool InFlight { get; set; }
    }

    private sealed record PeerPing(ProbeScheduler Scheduler, Peer Peer)
    {
        public void Done(Task<bool> probe) => Scheduler.Completed(Peer, probe);
    }
}
