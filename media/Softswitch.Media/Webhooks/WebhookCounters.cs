using System.Diagnostics.Metrics;

namespace Softswitch.Media.Webhooks;

/// <summary>The fast path's counts, for metrics and tests.</summary>
public sealed class WebhookCounters
{
    private long _queued;
    private long _leftToOutbox;
    private long _delivered;
    private long _failed;
    private long _logDropped;
    private Histogram<double>? _latency;

    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Events the full queue could not take: the retry job delivers them from the outbox.</summary>
    public long LeftToOutbox => Interlocked.Read(ref _leftToOutbox);

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Deliveries the fast path gave up, handed to the retry job.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Outcomes not logged because the log's queue was full (the retry job may deliver those again).</summary>
    public long LogDropped => Interlocked.Read(ref _logDropped);

    internal void CountQueued() => Interlocked.Increment(ref _queued);

    internal void CountLeftToOutbox() => Interlocked.Increment(ref _leftToOutbox);

    internal void ReportLatencyTo(Histogram<double> latency) => _latency = latency;

    internal void CountDelivered(TimeSpan latency)
    {
        Interlocked.Increment(ref _delivered);
        _latency?.Record(latency.TotalMilliseconds);
    }

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountLogDropped() => Interlocked.Increment(ref _logDropped);
}
