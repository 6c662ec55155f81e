namespace Softswitch.Sip.Transport;

/// <summary>Transport events counted for monitoring; safe to read from any thread.</summary>
public sealed class SipTransportCounters
{
    private long _messagesReceived;
    private long _messagesSent;
    private long _malformedAnswered;
    private long _malformedDropped;
    private long _keepAlives;
    private long _tcpConnectionsAccepted;
    private long _tcpConnectionsOpened;
    private long _sendFailures;
    private long _receiverFailures;

    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary>Malformed requests answered with 400 (or 505/513/416) naming the fault.</summary>
    public long MalformedAnswered => Interlocked.Read(ref _malformedAnswered);

    /// <summary>Malformed input that could not be answered (no routable Via, a response, garbage) and was dropped.</summary>
    public long MalformedDropped => Interlocked.Read(ref _malformedDropped);

    public long KeepAlives => Interlocked.Read(ref _keepAlives);

    public long TcpConnectionsAccepted => Interlocked.Read(ref _tcpConnectionsAccepted);

    public long TcpConnectionsOpened => Interlocked.Read(ref _tcpConnectionsOpened);

    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>Exceptions thrown by the <see cref="ISipMessageReceiver"/>; logged and counted, never crashing the receive loop.</summary>
    public long ReceiverFailures => Interlocked.Read(ref _receiverFailures);

    internal void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    internal void MessageSent() => Interlocked.Increment(ref _messagesSent);

    internal void Answered() => Interlocked.Increment(ref _malformedAnswered);

    internal void Dropped() => Interlocked.Increment(ref _malformedDropped);

    internal void KeepAlive() => Interlocked.Increment(ref _keepAlives);

    internal void Accepted() => Interlocked.Increment(ref _tcpConnectionsAccepted);

    internal void Opened() => Interlocked.Increment(ref _tcpConnectionsOpened);

    internal void SendFailed() => Interlocked.Increment(ref _sendFailures);

    internal void ReceiverFailed() => Interlocked.Increment(ref _receiverFailures);
}
