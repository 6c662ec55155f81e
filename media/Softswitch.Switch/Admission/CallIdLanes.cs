using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Runs work for new INVITEs off the receive loop, in order per Call-ID: the Call-ID's hash picks one of a fixed set
/// of lanes, and a lane runs one item at a time, awaiting an asynchronous one before the next. So a CANCEL posted
/// after its INVITE is handled after that INVITE's admission, however long a stage takes, while other lanes go on.
/// </summary>
internal sealed class CallIdLanes
{
    private readonly Lane[] _lanes;

    public CallIdLanes(int count, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _lanes = [.. Enumerable.Range(0, count).Select(_ => new Lane(logger))];
    }

    /// <summary>Queues <paramref name="work"/> with its state (a static lambda and a state object: no closure per item).</summary>
    public void Post(string callId, Func<object, ValueTask> work, object state) =>
        _lanes[(uint)StringComparer.Ordinal.GetHashCode(callId) % (uint)_lanes.Length].Post(work, state);

    private sealed class Lane(ILogger logger)
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
