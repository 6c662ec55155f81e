namespace Softswitch.Switch.Fraud;

/// <summary>What the signalling layer did, for metrics and tests; safe to read from any thread.</summary>
public sealed class SignallingGuardCounters
{
    private long _bans;
    private long _alerts;
    private long _suspensions;
    private long _lifts;
    private long _monitored;
    private long _warnings;

    public long Bans => Interlocked.Read(ref _bans);

    /// <summary>Thresholds crossed by trusted sources, reported instead of banned.</summary>
    public long Alerts => Interlocked.Read(ref _alerts);

    public long Suspensions => Interlocked.Read(ref _suspensions);

    /// <summary>Bans lifted through the API.</summary>
    public long Lifts => Interlocked.Read(ref _lifts);

    /// <summary>Bans and suspensions a monitor-only rule would have made, reported instead.</summary>
    public long Monitored => Interlocked.Read(ref _monitored);

    /// <summary>Warning levels crossed (below the level that bans or suspends).</summary>
    public long Warnings => Interlocked.Read(ref _warnings);

    internal void Banned() => Interlocked.Increment(ref _bans);

    internal void Alerted() => Interlocked.Increment(ref _alerts);

    internal void Suspended() => Interlocked.Increment(ref _suspensions);

    internal void Lifted() => Interlocked.Increment(ref _lifts);

    internal void Watched() => Interlocked.Increment(ref _monitored);

    internal void Warned() => Interlocked.Increment(ref _warnings);
}
