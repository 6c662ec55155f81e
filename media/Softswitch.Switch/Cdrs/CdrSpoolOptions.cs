namespace Softswitch.Switch.Cdrs;

/// <summary>Settings of the CDR write-ahead spool (<c>Softswitch:Cdr:Spool</c>).</summary>
public sealed class CdrSpoolOptions
{
    /// <summary>Directory of the spool segment files; must be on a local disk that honours fsync.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Most records fsynced together, and most CDRs sent to the store in one batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Group commit: after one fsync the next waits until this much time has passed (or <see cref="BatchSize"/>
    /// records are waiting), so at most 1/CommitWindow fsyncs run per second whatever the call rate, and a final
    /// response waits at most this long plus one fsync. Zero fsyncs as soon as the previous one ends.
    /// </summary>
    public TimeSpan CommitWindow { get; set; } = TimeSpan.FromMilliseconds(3);

    /// <summary>
    /// The drain waits this long after a CDR arrives for more to join its batch before it stores them: records are
    /// already durable in the spool, so storing 200 ms later costs nothing, while one database transaction per
    /// batch instead of per CDR is what lets the store keep up. Zero stores whatever has arrived at once.
    /// </summary>
    public TimeSpan StoreWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A segment is closed and a new one begun past this size; closed segments are deleted once stored.</summary>
    public long MaxSegmentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Wait before retrying a batch the store refused.</summary>
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait before retrying a write the disk refused (full, I/O error); doubles up to <see cref="FaultRetryMaxDelay"/>.</summary>
    public TimeSpan FaultRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan FaultRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with these settings, or null when they are usable.</summary>
    public string? FindProblem() =>
        string.IsNullOrWhiteSpace(Directory) ? "The CDR spool needs a directory."
        : BatchSize < 1 || MaxSegmentBytes < 4096 || StoreRetryDelay <= TimeSpan.Zero
            ? "CDR spool: BatchSize >= 1, MaxSegmentBytes >= 4096 and a positive StoreRetryDelay are required."
        : CommitWindow < TimeSpan.Zero || CommitWindow > TimeSpan.FromSeconds(1)
            ? "CDR spool: CommitWindow must be between 0 and 1 s."
        : StoreWindow < TimeSpan.Zero || StoreWindow > TimeSpan.FromSeconds(10)
            ? "CDR spool: StoreWindow must be between 0 and 10 s."
        : FaultRetryDelay <= TimeSpan.Zero || FaultRetryMaxDelay < FaultRetryDelay
            ? "CDR spool: FaultRetryDelay must be positive and FaultRetryMaxDelay at least as long."
            : null;

    public void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
