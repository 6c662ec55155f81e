using System.Net.Sockets;

namespace Softswitch.Sip.Transactions;

/// <summary>Common state of the four RFC 3261 §17 machines: key, request, timers and removal on termination.</summary>
public abstract class SipTransaction
{
    private List<ITimer>? _timers;

    private protected SipTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint remote)
    {
        Layer = layer;
        Key = key;
        Request = request;
        Remote = remote;
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    /// <summary>The peer: where requests go (client) or where the request came from (server).</summary>
    public SipEndPoint Remote { get; }

    public SipTransactionState State { get; private protected set; }

    private protected SipTransactionLayer Layer { get; }

    private protected object Gate { get; } = new();

    private protected SipTransactionOptions Options => Layer.Options;

    /// <summary>RFC 3261 §17.1.1.2: retransmission timers run only on unreliable transports.</summary>
    private protected bool IsReliable => Remote.IsReliable;

    /// <summary>Creates a one-shot timer on the layer's <see cref="TimeProvider"/>; the callback runs under the transaction lock.</summary>
    private protected ITimer StartTimer(TimeSpan due, Action onFire)
    {
        var timer = Layer.TimeProvider.CreateTimer(
            static state =>
            {
                var (transaction, callback) = ((SipTransaction, Action))state!;
                lock (transaction.Gate)
                {
                    if (transaction.State != SipTransactionState.Terminated)
                    {
                        callback();
                    }
                }
            },
            (this, onFire),
            due,
            Timeout.InfiniteTimeSpan);
        (_timers ??= new List<ITimer>(3)).Add(timer);
        return timer;
    }

    private protected static void Stop(ITimer? timer) => timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>Moves to Terminated, releases every timer and leaves the layer's table. Call under the lock.</summary>
    private protected void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }

        EndTimers();
        Layer.Remove(this);
    }

    /// <summary>
    /// Moves to Terminated and releases every timer, leaving the layer's tables to the caller: used when the layer keeps
    /// the Completed state in a compact form (<see cref="SipTransactionLayer.Answer"/>, <see cref="SipTransactionLayer.Absorb"/>).
    /// </summary>
    private protected void EndTimers()
    {
        State = SipTransactionState.Terminated;
        if (_timers is null)
        {
            return;
        }

        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers = null;
    }

    /// <summary>Waits <paramref name="due"/> in the current state, then terminates; zero terminates at once (reliable transports).</summary>
    private protected void TerminateAfter(TimeSpan due)
    {
        if (due <= TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(due, Terminate);
        }
    }

    private protected void Send(SipMessage message) => _ = SendObservedAsync(message);

    private async Task SendObservedAsync(SipMessage message)
    {
        try
        {
            await SendCoreAsync(message).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException
            or OperationCanceledException or InvalidOperationException)
        {
            // RFC 3261 §17.1.4 / §17.2.4: a transport failure terminates the transaction and is reported to the TU.
            OnTransportError(exception);
        }
    }

    private protected abstract ValueTask SendCoreAsync(SipMessage message);

    private protected abstract void OnTransportError(Exception exception);
}
