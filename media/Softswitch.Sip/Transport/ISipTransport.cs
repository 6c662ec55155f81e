namespace Softswitch.Sip.Transport;

/// <summary>What the transaction layer needs from a transport (RFC 3261 §18). Implemented by <see cref="SipTransport"/>.</summary>
public interface ISipTransport
{
    /// <summary>The address this transport listens on (the same port for UDP and TCP); may be a wildcard address.</summary>
    System.Net.IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// The address and bound port peers reach us at: used for Via sent-by (RFC 3261 §18.1.1). Never a wildcard address.
    /// </summary>
    System.Net.IPEndPoint AdvertisedEndPoint { get; }

    /// <summary>Sends a request or response to an explicit destination, opening a TCP connection if needed.</summary>
    ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a response back the way RFC 3261 §18.2.2 and RFC 3581 §4 prescribe: over the connection the request
    /// arrived on when it is still open, else to the Via received/rport address.
    /// </summary>
    ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default);

    /// <summary>Sends a message already serialized (a response kept for retransmission) to an explicit destination.</summary>
    ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default);
}

/// <summary>Receives every well-formed message a transport reads (usually the <c>SipTransactionLayer</c>).</summary>
public interface ISipMessageReceiver
{
    void OnMessage(SipMessage message, SipEndPoint source);
}
