using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Runs work for new INVITEs off the receive loop, in order per Call-ID: the Call-ID's hash picks one of a fixed set
/// of lanes, and a lane runs one item at a time, awaiting an asynchronous one before the next. So a CANCEL posted
/// after its INVITE is handled after that INVITE's admission, however long a stage takes, while other lanes go on.
/// The work waiting in all lanes together is bounded, so an INVITE flood cannot queue without limit behind a slow stage.
/// </summary>
internal sealed class CallIdLanes
{
    private readonly Lane[] _lanes;
    private readonly int _maxPending;
    private int _pending;

    public CallIdLanes(int count, int maxPending, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPending, 1);
        _maxPending = maxPending;
        _lanes = [.. Enumerable.Range(0, count).Select(_ => new Lane(this, logger))];
    }

    /// <summary>Work posted and not yet finished, across all lanes.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>
    /// Queues <paramref name="work"/> with its state (a bound delegate and a state object: no closure per item); false,
    /// queuing nothing, when <see cref="Pending"/> is at the limit.
    /// </summary>
    public bool TryPost(string callId, Func<object, ValueTask> work, object state)
    {
        if (Interlocked.Increment(ref _pending) > _maxPending)
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }

        LaneOf(callId).Post(work, state);
        return true;
    }

    /// <summary>Queues work that must not be refused (a CANCEL for an INVITE already queued), beyond the limit if need be.</summary>
    public void Post(string callId, Func<object, ValueTask> work, object state)
    {
        Interlocked.Increment(ref _pending);
        LaneOf(callId).Post(work, state);
    }

    private Lane LaneOf(string callId) => _lanes[(uint)StringComparer.Ordinal.GetHashCode(callId) % (uint)_lanes.Length];

    private sealed class Lane(CallIdLanes owner, ILogger logger)
    {
        private readonly ConcurrentQueue<(Func<object, ValueTask> Work, object State)> _queue = new();
        private int _scheduled;

        public void Post(Func<object, ValueTask> work, object state)
        {
            _queue.Enqueue((work, state));
            if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static lane => _ = lane.DrainAsync(), this, preferLocal: false);
            }
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                while (_queue.TryDequeue(out var item))
                {
                    try
                    {
                        var running = item.Work(item.State);
                        if (!running.IsCompletedSuccessfully)
                        {
                            await running.ConfigureAwait(false);
                        }
                    }
                    catch (Exception exception)
                    {
                        // Work items answer their own failures (500); this only keeps the lane alive.
                        logger.LogError(exception, "Admission work failed");
                    }
                    finally
                    {
                        Interlocked.Decrement(ref owner._pending);
                    }
                }

                Volatile.Write(ref _scheduled, 0);
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
                {
                    return;
                }
            }
        }
    }
}
