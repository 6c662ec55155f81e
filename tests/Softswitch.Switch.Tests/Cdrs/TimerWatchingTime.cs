using Microsoft.Extensions.Time.Testing;

namespace Softswitch.Switch.Tests.Cdrs;

/// <summary>
/// Fake time that says when each timer (a retry delay, a commit window) has been set, so a test advances past it,
/// not before it.
/// </summary>
internal sealed class TimerWatchingTime(FakeTimeProvider inner) : TimeProvider
{
    private readonly Calls.Inbox<TimeSpan> _armed = new();

    public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        TimerCreated.TrySetResult();
        _armed.Add(dueTime);
        return timer;
    }

    /// <summary>Waits until <paramref name="count"/> timers in all have been set; returns the due time of the last.</summary>
    public Task<TimeSpan> TimersArmedAsync(int count) => _armed.WaitAsync(_ => true, "timer", count);
}
