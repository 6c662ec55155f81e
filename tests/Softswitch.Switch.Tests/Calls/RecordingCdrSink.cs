using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>Keeps every CDR the switch hands over; each is durable at once.</summary>
internal sealed class RecordingCdrSink : ICdrSink
{
    public bool CanRecord { get; set; } = true;

    public Inbox<CallDetailRecord> Journal { get; } = new();

    public Inbox<CallDetailRecord> Finals { get; } = new();

    public ValueTask JournalAsync(CallDetailRecord inProgress, CancellationToken cancellationToken = default)
    {
        Journal.Add(inProgress);
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteAsync(CallDetailRecord final, CancellationToken cancellationToken = default)
    {
        Finals.Add(final);
        return ValueTask.CompletedTask;
    }
}
