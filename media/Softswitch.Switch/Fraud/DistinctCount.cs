namespace Softswitch.Switch.Fraud;

/// <summary>
/// Distinct names seen in a fixed window (the sweep rule). Holds at most <c>limit</c> names: past that only the
/// count matters, so one source costs bounded memory however many names it tries.
/// </summary>
internal sealed class DistinctCount
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private long _openedAt;

    /// <summary>Records <paramref name="name"/> and answers how many distinct names the window holds (at most <paramref name="limit"/> + 1).</summary>
    public int Add(string name, DateTimeOffset now, TimeSpan window, int limit)
    {
        if (_names.Count == 0 || now.UtcTicks - _openedAt >= window.Ticks)
        {
            _openedAt = now.UtcTicks;
            _names.Clear();
        }

        if (_names.Count <= limit)
        {
            _names.Add(name);
        }

        return _names.Count;
    }
}
