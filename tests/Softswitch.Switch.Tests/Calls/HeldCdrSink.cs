using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>A CDR sink whose final records become durable only when the test says so.</summary>
internal sealed class HeldCdrSink : ICdrSink
{
    private readonly TaskCompletionSource _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool CanRecord => true;

    public Inbox<CallDetailRecord> Finals { get; } = new();

    public void MakeDurable() => _durable.TrySetResult();

    public ValueTask JournalAsync(CallDetailRecord inProgress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask WriteAsync(CallDetailRecord final, CancellationToken cancellationToken = default)
    {
        Finals.Add(final);
        await _durable.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
