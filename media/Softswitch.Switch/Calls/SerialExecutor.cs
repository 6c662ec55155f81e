using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Runs one call's work items one at a time, in order, on the thread pool (or at once on the admission lane that starts
/// the call, <see cref="Run"/>), so a call's state needs no locks and
/// no lock is ever held while signalling is sent. The call derives from it rather than owning one: a held call
/// posts nothing for minutes, and 100,000 of them should not each carry an executor object, a failure delegate and
/// a queue. The first waiting item has a field of its own; a queue is made only when items pile up behind it, and
/// dropped once they are done. The executor locks itself (its object header) rather than a lock object of 40 bytes.
/// </summary>
internal abstract class SerialExecutor(ILogger logger)
{
    private Action? _next;
    private Queue<Action>? _more;
    private bool _scheduled;

    public void Post(Action action)
    {
        lock (this)
        {
            Enqueue(action);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static executor => executor.Drain(), this, preferLocal: false);
    }

    /// <summary>
    /// Runs <paramref name="action"/> at once, on this thread, when the call has no work running or waiting (then also
    /// whatever is posted to it meanwhile); otherwise queues it as <see cref="Post"/> does. For a call started on an
    /// admission lane, whose first work would otherwise wait behind the pool's whole queue once more. Work arriving on a
    /// receive thread is posted instead: one peer's datagrams all land on one socket, and its thread must only parse
    /// and dispatch, or that peer's calls would be capped at what one core can do.
    /// </summary>
    public void Run(Action action)
    {
        lock (this)
        {
            if (_scheduled)
            {
                Enqueue(action);
                return;
            }

            _scheduled = true;
        }

        Invoke(action);
        Drain();
    }

    /// <summary>Under the executor's lock.</summary>
    private void Enqueue(Action action)
    {
        if (_next is null && _more is not { Count: > 0 })
        {
            _next = action;
        }
        else
        {
            (_more ??= new Queue<Action>(2)).Enqueue(action);
        }
    }

    /// <summary>A work item threw: end the call.</summary>
    protected abstract void OnHandlerFailure(Exception exception);

    private void Drain()
    {
        while (TryTake(out var action))
        {
            Invoke(action);
        }
    }

    private void Invoke(Action action)
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
                OnHandlerFailure(exception);
            }
            catch (Exception again)
            {
                logger.LogError(again, "Ending the call after a handler failure failed too");
            }
        }
    }

    private bool TryTake(out Action action)
    {
        lock (this)
        {
            if (_next is { } next)
            {
                _next = null;
                action = next;
                return true;
            }

            if (_more is not null && _more.TryDequeue(out action!))
            {
                if (_more.Count == 0)
                {
                    _more = null;
                }

                return true;
            }

            _scheduled = false;
            action = null!;
            return false;
        }
    }
}
