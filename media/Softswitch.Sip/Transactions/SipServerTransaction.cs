namespace Softswitch.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2). The TU answers with <see cref="SendResponse"/>; retransmitted requests
/// are absorbed here and answered with the last response.
/// </summary>
public abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request)
        : base(layer, key, request, request.Source ?? throw new ArgumentException("A received request carries its source.", nameof(request)))
    {
    }

    /// <summary>The last response sent, resent when the request is retransmitted.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>Builds a response to this request (RFC 3261 §8.2.6) without sending it.</summary>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null, string? toTag = null) =>
        SipResponse.CreateFor(Request, statusCode, reasonPhrase, toTag);

    /// <summary>Sends a response through the transaction. Responses after the final one are ignored and return false.</summary>
    public abstract bool SendResponse(SipResponse response);

    /// <summary>Builds and sends a response in one call.</summary>
    public bool Respond(int statusCode, string? reasonPhrase = null, string? toTag = null) =>
        SendResponse(CreateResponse(statusCode, reasonPhrase, toTag));

    /// <summary>
    /// Ends the transaction without a response. A copy of an INVITE the TU has answered with a 2xx, arriving after
    /// that 2xx ended the original transaction, is absorbed (RFC 6026 §7.1); the TU resends the 2xx itself until the
    /// ACK (RFC 3261 §13.3.1.4).
    /// </summary>
    public void Absorb()
    {
        lock (Gate)
        {
            Terminate();
        }
    }

    internal abstract void OnRetransmission();

    private protected override ValueTask SendCoreAsync(SipMessage message) =>
        Layer.Transport.SendResponseAsync((SipResponse)message, Remote);

    private protected override void OnTransportError(Exception exception)
    {
        lock (Gate)
        {
            Terminate();
        }

        Layer.ReportTransportError(this, exception);
    }
}
