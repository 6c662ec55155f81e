namespace Softswitch.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1). Provisional responses raise <see cref="ProvisionalResponse"/>; the final
/// response completes <see cref="FinalResponse"/>. A timeout completes it with a locally made 408 and a transport
/// failure with 503, as RFC 3261 §8.1.3.1 asks the TU to treat them.
/// </summary>
public abstract class SipClientTransaction : SipTransaction
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected SipClientTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint remote)
        : base(layer, key, request, remote)
    {
    }

    /// <summary>Raised outside the transaction lock for every 1xx passed up to the TU.</summary>
    public event Action<SipClientTransaction, SipResponse>? ProvisionalResponse;

    /// <summary>
    /// Raised once, outside the transaction lock, on the thread that delivers the final response (a receive thread or
    /// a timer), just after <see cref="FinalResponse"/> completes. A TU that would only post the response to its own
    /// executor saves the thread-pool hop that a continuation of <see cref="FinalResponse"/> costs first.
    /// </summary>
    public event Action<SipClientTransaction, SipResponse>? FinalResponseArrived;

    public Task<SipResponse> FinalResponse => _final.Task;

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    private protected override ValueTask SendCoreAsync(SipMessage message) => Layer.Transport.SendAsync(message, Remote);

    private protected override void OnTransportError(Exception exception)
    {
        lock (Gate)
        {
            Terminate();
        }

        var failure = SipResponse.CreateFor(Request, 503, "Service Unavailable - " + exception.Message);
        failure.IsLocal = true;
        Deliver(failure);
    }

    private protected void TimeOut()
    {
        var timeout = SipResponse.CreateFor(Request, 408);
        timeout.IsLocal = true;
        Deliver(timeout);
    }

    /// <summary>Passes a response to the TU. Call outside the lock.</summary>
    private protected void Deliver(SipResponse response)
    {
        if (response.IsProvisional)
        {
            ProvisionalResponse?.Invoke(this, response);
        }
        else if (_final.TrySetResult(response))
        {
            FinalResponseArrived?.Invoke(this, response);
        }
    }
}
