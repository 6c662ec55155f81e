using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Runs one call's work items one at a time, in order, on the thread pool, so a call's state needs no locks and
/// no lock is ever held while signalling is sent.
/// </summary>
internal sealed class SerialExecutor(ILogger logger, Action<Exception> onFailure)
{
    private readonly ConcurrentQueue<Action> _work = new();
    private int _scheduled;

    public void Post(Action action)
    {
        _work.Enqueue(action);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static executor => executor.Drain(), this, preferLocal: false);
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_work.TryDequeue(out var action))
            {
                try
                {
                    action();
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Call handler failed; ending the call");
                    try
                    {
                        onFailure(exception);
                    }
                    catch (Exception again)
                    {
                        logger.LogError(again, "Ending the call after a handler failure failed too");
                    }
                }
            }

            Volatile.Write(ref _scheduled, 0);
            if (_work.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
