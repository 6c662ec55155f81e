using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Runs one call's work items one at a time, in order, on the thread pool, so a call's state needs no locks and
/// no lock is ever held while signalling is sent. A held call posts nothing for minutes, so the queue is a small
/// plain one under a lock (a few dozen bytes) rather than a concurrent queue's preallocated segment.
/// </summary>
internal sealed class SerialExecutor(ILogger logger, Action<Exception> onFailure)
{
    private readonly Queue<Action> _work = new(2);
    private bool _scheduled;

    public void Post(Action action)
    {
        lock (_work)
        {
            _work.Enqueue(action);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static executor => executor.Drain(), this, preferLocal: false);
    }

    private void Drain()
    {
        while (true)
        {
            Action action;
            lock (_work)
            {
                if (!_work.TryDequeue(out action!))
                {
                    _scheduled = false;
                    return;
                }
            }

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
    }
}
