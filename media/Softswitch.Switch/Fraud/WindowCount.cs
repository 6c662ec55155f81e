namespace Softswitch.Switch.Fraud;

/// <summary>
/// Events counted in a fixed window that opens at the first event after the previous window ended. Mutable: held in
/// a field of its owner and changed under the owner's lock.
/// </summary>
internal struct WindowCount
{
    private long _openedAt;
    private int _count;

    /// <summary>Counts one event at <paramref name="now"/> and answers how many the current window holds.</summary>
    public int Add(DateTimeOffset now, TimeSpan window)
    {
        if (_count == 0 || now.UtcTicks - _openedAt >= window.Ticks)
        {
            _openedAt = now.UtcTicks;
            _count = 0;
        }

        return ++_count;
    }
}
