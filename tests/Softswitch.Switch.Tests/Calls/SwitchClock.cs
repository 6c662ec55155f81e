using Microsoft.Extensions.Time.Testing;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// The fake clock every party of a test runs on. It also records each timer armed on it: the switch arms timers on its
/// own threads after a message arrives, so a test moves time on only once the timer it is about has been armed. And it
/// counts the timers still pending, for the leak checks.
/// </summary>
internal sealed class SwitchClock : FakeTimeProvider
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly Inbox<ArmedTimer> _armed = new();
    private int _pending;

    private TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>Timers armed and neither fired (a one-shot) nor stopped nor disposed.</summary>
    public int PendingTimers => Volatile.Read(ref _pending);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var counted = new CountedTimer(this);

        // Counted before the inner timer exists: a timer due now, or one another thread's Advance reaches at once,
        // fires inside base.CreateTimer, and its callback's uncount must come after this count.
        counted.Arm(dueTime, period);
        counted.Attach(base.CreateTimer(counted.Wrap(callback), state, dueTime, period));
        RecordArmed(dueTime);
        return counted;
    }

    private void RecordArmed(TimeSpan dueTime) => _armed.Add(new ArmedTimer(Elapsed, dueTime));

    /// <summary>
    /// Waits until timers due at <paramref name="firesAt"/> (since the test began) have been armed or re-armed
    /// <paramref name="nth"/> times in all.
    /// </summary>
    public Task<ArmedTimer> ArmedForAsync(TimeSpan firesAt, int nth = 1) =>
        _armed.WaitAsync(t => t.FiresAt == firesAt, $"timer firing at {firesAt.TotalSeconds} s", nth);

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

    private sealed class CountedTimer(SwitchClock clock) : ITimer
    {
        private readonly Lock _gate = new();
        private ITimer? _inner;
        private bool _pending;
        private bool _periodic;

        public void Arm(TimeSpan dueTime, TimeSpan period) => Set(dueTime, period);

        public void Attach(ITimer inner) => _inner = inner;

        public TimerCallback Wrap(TimerCallback callback) => state =>
        {
            if (!_periodic)
            {
                SetPending(false);
            }

            callback(state);
        };

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Set(dueTime, period);
            var changed = _inner!.Change(dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                clock.RecordArmed(dueTime);
            }

            return changed;
        }

        public void Dispose()
        {
            SetPending(false);
            _inner!.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            SetPending(false);
            return _inner!.DisposeAsync();
        }

        private void Set(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            SetPending(dueTime != Timeout.InfiniteTimeSpan);
        }

        private void SetPending(bool pending)
        {
            lock (_gate)
            {
                if (_pending != pending)
                {
                    _pending = pending;
                    Interlocked.Add(ref clock._pending, pending ? 1 : -1);
                }
            }
        }
    }
}
