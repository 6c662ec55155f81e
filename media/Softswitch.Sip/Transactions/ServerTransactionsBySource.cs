using System.Collections.Concurrent;
using System.Net;

namespace Softswitch.Sip.Transactions;

/// <summary>Live server transactions per source address, bounded; an address leaves the table when it holds none.</summary>
internal sealed class ServerTransactionsBySource(int limit)
{
    private readonly ConcurrentDictionary<IPAddress, int> _live = new();
    private long _refused;

    public long Refused => Interlocked.Read(ref _refused);

    public bool TryTake(IPAddress source)
    {
        while (true)
        {
            if (!_live.TryGetValue(source, out var count))
            {
                if (_live.TryAdd(source, 1))
                {
                    return true;
                }

                continue;
            }

            if (count >= limit)
            {
                Interlocked.Increment(ref _refused);
                return false;
            }

            if (_live.TryUpdate(source, count + 1, count))
            {
                return true;
            }
        }
    }

    public void Give(IPAddress? source)
    {
        if (source is null)
        {
            return;
        }

        while (_live.TryGetValue(source, out var count))
        {
            if (count == 1 ? _live.TryRemove(new KeyValuePair<IPAddress, int>(source, 1)) : _live.TryUpdate(source, count - 1, count))
            {
                return;
            }
        }
    }
}
