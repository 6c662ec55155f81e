namespace Softswitch.Switch.Admission;

/// <summary>One stage's counters: how often it ran, refused, challenged, and the time it spent; safe to read from any thread.</summary>
public sealed class AdmissionStageCounters(string stage)
{
    private long _evaluated;
    private long _rejected;
    private long _challenged;
    private long _monitored;
    private long _elapsedTicks;

    public string Stage { get; } = stage;

    public long Evaluated => Interlocked.Read(ref _evaluated);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Challenged => Interlocked.Read(ref _challenged);

    /// <summary>Refusals of this stage that a tenant's monitor-only policy let through (also counted in <see cref="Rejected"/>).</summary>
    public long Monitored => Interlocked.Read(ref _monitored);

    /// <summary>Time spent in the stage, in <see cref="TimeProvider.TimestampFrequency"/> ticks of the pipeline's clock.</summary>
    public long ElapsedTicks => Interlocked.Read(ref _elapsedTicks);

    internal void Record(AdmissionVerdict verdict, long elapsedTicks)
    {
        Interlocked.Increment(ref _evaluated);
        Interlocked.Add(ref _elapsedTicks, elapsedTicks);
        if (verdict == AdmissionVerdict.Reject)
        {
            Interlocked.Increment(ref _rejected);
        }
        else if (verdict == AdmissionVerdict.Challenge)
        {
            Interlocked.Increment(ref _challenged);
        }
    }

    internal void RecordMonitored() => Interlocked.Increment(ref _monitored);
}
