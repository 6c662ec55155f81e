namespace Softswitch.Sip.Transactions;

/// <summary>
/// Items that each expire one fixed delay after they were added, and therefore in the order they were added: a queue
/// and one timer armed for its head stand in for a timer per item. Timers J and K (RFC 3261 §17.1.2.2, §17.2.2) are
/// constants of a layer, so every lingering transaction of one kind shares one of these; so does every ended call's
/// INVITE claim in the switch.
/// </summary>
public sealed class FixedDelayExpiry<T>
{
    private readonly Queue<(long Due, T Item)> _queue = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly long _delayInTimestamps;
    private readonly Action<T> _onExpired;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _armed;

    public FixedDelayExpiry(TimeProvider time, TimeSpan delay, Action<T> onExpired)
    {
        _time = time;
        _delay = delay;
        _delayInTimestamps = (long)Math.Ceiling(delay.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);
        _onExpired = onExpired;
        _timer = time.CreateTimer(static state => ((FixedDelayExpiry<T>)state!).ExpireDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _queue.Enqueue((_time.GetTimestamp() + _delayInTimestamps, item));
            if (!_armed)
            {
                _armed = true;
                _timer.Change(_delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Hands every item that is due to the callback, outside the lock, then re-arms for the next one.</summary>
    private void ExpireDue()
    {
        while (true)
        {
            T item;
            lock (_gate)
            {
                if (!_queue.TryPeek(out var head))
                {
                    _armed = false;
                    return;
                }

                var wait = head.Due - _time.GetTimestamp();
                if (wait > 0)
                {
                    _timer.Change(TimeSpan.FromTicks((long)Math.Ceiling(wait * (double)TimeSpan.TicksPerSecond / _time.TimestampFrequency)), Timeout.InfiniteTimeSpan);
                    return;
                }

                item = _queue.Dequeue().Item;
            }

            _onExpired(item);
        }
    }
}
