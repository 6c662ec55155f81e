namespace Softswitch.Switch.Cdrs;

/// <summary>What the spool has done, for the CDR meter and for tests. Written by the spool's loops, read by anyone.</summary>
public sealed class CdrSpoolCounters
{
    private long _commits;
    private long _recordsCommitted;
    private long _commitFailures;
    private long _rotateFailures;
    private long _acknowledgedUndurable;
    private long _lost;

    /// <summary>fsyncs of appended records (group commits).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public long RecordsCommitted => Interlocked.Read(ref _recordsCommitted);

    /// <summary>Writes or fsyncs the disk refused; each is retried.</summary>
    public long CommitFailures => Interlocked.Read(ref _commitFailures);

    public long RotateFailures => Interlocked.Read(ref _rotateFailures);

    /// <summary>
    /// Records whose caller was let go before they were durable, because the disk was failing: calls already up end
    /// cleanly, and the record is kept in memory and written when the disk recovers.
    /// </summary>
    public long AcknowledgedUndurable => Interlocked.Read(ref _acknowledgedUndurable);

    /// <summary>Records that could not be written before the spool stopped; each is logged with its id.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    internal void Committed(int records)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _recordsCommitted, records);
    }

    internal void CommitFailed() => Interlocked.Increment(ref _commitFailures);

    internal void RotateFailed() => Interlocked.Increment(ref _rotateFailures);

    internal void AcknowledgeUndurable() => Interlocked.Increment(ref _acknowledgedUndurable);

    internal void LoseRecords(int count) => Interlocked.Add(ref _lost, count);
}
