namespace Softswitch.Switch.Tests.Calls;

/// <summary>What a test double received, in order, with a bounded wait for the item a test expects next.</summary>
internal sealed class Inbox<T>
{
    /// <summary>Loopback I/O takes milliseconds; this only bounds a test that is going to fail.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<Waiter> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToList();
            }
        }
    }

    public int Count(Func<T, bool> match)
    {
        lock (_gate)
        {
            return _items.Count(match);
        }
    }

    public void Add(T item)
    {
        var done = new List<(Waiter Waiter, T Item)>();
        lock (_gate)
        {
            _items.Add(item);
            foreach (var waiter in _waiters)
            {
                if (Find(waiter.Match, waiter.Nth) is (true, var found))
                {
                    done.Add((waiter, found));
                }
            }

            _waiters.RemoveAll(w => done.Exists(d => d.Waiter == w));
        }

        // Outside the lock: a waiter's continuation may add to this inbox.
        foreach (var (waiter, found) in done)
        {
            waiter.Result.TrySetResult(found);
        }
    }

    /// <summary>The <paramref name="nth"/> item (1-based) matching <paramref name="match"/>, received already or within <see cref="Patience"/>.</summary>
    public async Task<T> WaitAsync(Func<T, bool> match, string what, int nth = 1)
    {
        Waiter waiter;
        lock (_gate)
        {
            var (found, item) = Find(match, nth);
            if (found)
            {
                return item;
            }

            waiter = new Waiter(match, nth);
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Result.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} (#{nth}) within {Patience.TotalSeconds} s; received: [{string.Join(" | ", Items)}]");
        }
    }

    private (bool Found, T Item) Find(Func<T, bool> match, int nth)
    {
        var seen = 0;
        foreach (var item in _items)
        {
            if (match(item) && ++seen == nth)
            {
                return (true, item);
            }
        }

        return (false, default!);
    }

    private sealed record Waiter(Func<T, bool> Match, int Nth)
    {
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
