namespace Softswitch.Switch.Cdrs;

/// <summary>Settings of the CDR write-ahead spool (<c>Softswitch:Cdr:Spool</c>).</summary>
public sealed class CdrSpoolOptions
{
    /// <summary>Directory of the spool segment files; must be on a local disk that honours fsync.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Most records fsynced together, and most CDRs sent to the store in one batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>A segment is closed and a new one begun past this size; closed segments are deleted once stored.</summary>
    public long MaxSegmentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Wait before retrying a batch the store refused.</summary>
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What is wrong with these settings, or null when they are usable.</summary>
    public string? FindProblem() =>
        string.IsNullOrWhiteSpace(Directory) ? "The CDR spool needs a directory."
        : BatchSize < 1 || MaxSegmentBytes < 4096 || StoreRetryDelay <= TimeSpan.Zero
            ? "CDR spool: BatchSize >= 1, MaxSegmentBytes >= 4096 and a positive StoreRetryDelay are required."
            : null;

    public void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
