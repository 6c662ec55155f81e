namespace Softswitch.Switch.Cdrs;

/// <summary>Where the call path hands CDRs. Completion means the record is durable, not that it is in the database.</summary>
public interface ICdrSink
{
    /// <summary>False while records cannot be made durable (a full or failing disk); new calls are then refused.</summary>
    bool CanRecord { get; }

    /// <summary>Journals a call in progress (set up, ringing, answered) so a crash still leaves an interrupted CDR.</summary>
    ValueTask JournalAsync(CallDetailRecord inProgress, CancellationToken cancellationToken = default);

    /// <summary>Records the complete CDR of a call that has ended.</summary>
    ValueTask WriteAsync(CallDetailRecord final, CancellationToken cancellationToken = default);
}
