using Microsoft.Extensions.Time.Testing;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// The fake clock every party of a test runs on. It also records each timer armed on it: the switch arms timers on its
/// own threads after a message arrives, so a test moves time on only once the timer it is about has been armed.
/// </summary>
internal sealed class SwitchClock : FakeTimeProvider
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly Inbox<ArmedTimer> _armed = new();

    private TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _armed.Add(new ArmedTimer(Elapsed, dueTime));
        return timer;
    }

    /// <summary>Waits until a timer due at <paramref name="firesAt"/> (since the test began) has been armed.</summary>
    public Task<ArmedTimer> ArmedForAsync(TimeSpan firesAt) =>
        _armed.WaitAsync(t => t.FiresAt == firesAt, $"timer firing at {firesAt.TotalSeconds} s");

    /// <summary>
    /// Moves time on to <paramref name="elapsed"/> since the test began, in 100 ms steps, so a timer re-armed from its
    /// own callback (a retransmission interval doubling) fires at its exact time.
    /// </summary>
    public void AdvanceTo(TimeSpan elapsed)
    {
        while (Elapsed < elapsed)
        {
            Advance(Step < elapsed - Elapsed ? Step : elapsed - Elapsed);
        }
    }
}
