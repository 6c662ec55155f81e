using System.Collections.Concurrent;

namespace Softswitch.Sip.Transport;

/// <summary>Transport events counted for monitoring; safe to read from any thread.</summary>
public sealed class SipTransportCounters
{
    private readonly ConcurrentDictionary<string, long> _failuresByCause = new(StringComparer.Ordinal);
    private long _messagesReceived;
    private long _messagesSent;
    private long _malformedAnswered;
    private long _malformedDropped;
    private long _keepAlives;
    private long _tcpConnectionsAccepted;
    private long _tcpConnectionsOpened;
    private long _sendFailures;
    private long _receiverFailures;
    private long _receiveErrors;
    private long _acceptErrors;
    private long _tcpRefusedPerSource;
    private long _tcpRefusedTotal;
    private long _tcpIdleClosed;
    private long _tcpSlowMessageClosed;
    private long _bannedDropped;

    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary>Malformed requests answered with 400 (or 505/513/416) naming the fault.</summary>
    public long MalformedAnswered => Interlocked.Read(ref _malformedAnswered);

    /// <summary>Malformed input that could not be answered (no routable Via, a response, garbage) and was dropped.</summary>
    public long MalformedDropped => Interlocked.Read(ref _malformedDropped);

    public long KeepAlives => Interlocked.Read(ref _keepAlives);

    public long TcpConnectionsAccepted => Interlocked.Read(ref _tcpConnectionsAccepted);

    public long TcpConnectionsOpened => Interlocked.Read(ref _tcpConnectionsOpened);

    /// <summary>Messages that could not be sent (socket error, unreachable peer, connect timeout).</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>
    /// Messages whose handling threw (in the receiver or in the transport itself); each cost only that message.
    /// <see cref="FailuresByCause"/> splits them by exception type.
    /// </summary>
    public long ReceiverFailures => Interlocked.Read(ref _receiverFailures);

    /// <summary>Socket errors on a UDP receive (other than ICMP resets); the loop backs off and carries on.</summary>
    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    /// <summary>Failed TCP accepts (EMFILE, ENFILE, ENOBUFS…); the loop backs off and carries on.</summary>
    public long AcceptErrors => Interlocked.Read(ref _acceptErrors);

    /// <summary>TCP connections closed at once because their source address had too many open.</summary>
    public long TcpRefusedPerSource => Interlocked.Read(ref _tcpRefusedPerSource);

    /// <summary>TCP connections closed at once because the transport held its maximum.</summary>
    public long TcpRefusedTotal => Interlocked.Read(ref _tcpRefusedTotal);

    /// <summary>TCP connections closed after sending nothing for the idle timeout.</summary>
    public long TcpIdleClosed => Interlocked.Read(ref _tcpIdleClosed);

    /// <summary>TCP connections closed because a started message did not complete within the message read timeout.</summary>
    public long TcpSlowMessageClosed => Interlocked.Read(ref _tcpSlowMessageClosed);

    /// <summary>Datagrams, TCP connections and frames dropped unanswered because the source gate refused their source.</summary>
    public long BannedDropped => Interlocked.Read(ref _bannedDropped);

    /// <summary>Handling failures by exception type name; the set of keys is bounded by the types the code can throw.</summary>
    public IReadOnlyDictionary<string, long> FailuresByCause => _failuresByCause;

    internal void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    internal void MessageSent() => Interlocked.Increment(ref _messagesSent);

    internal void Answered() => Interlocked.Increment(ref _malformedAnswered);

    internal void Dropped() => Interlocked.Increment(ref _malformedDropped);

    internal void KeepAlive() => Interlocked.Increment(ref _keepAlives);

    internal void Accepted() => Interlocked.Increment(ref _tcpConnectionsAccepted);

    internal void Opened() => Interlocked.Increment(ref _tcpConnectionsOpened);

    internal void SendFailed() => Interlocked.Increment(ref _sendFailures);

    internal void ReceiveFailed() => Interlocked.Increment(ref _receiveErrors);

    internal void AcceptFailed() => Interlocked.Increment(ref _acceptErrors);

    internal void RefusedPerSource() => Interlocked.Increment(ref _tcpRefusedPerSource);

    internal void RefusedTotal() => Interlocked.Increment(ref _tcpRefusedTotal);

    internal void IdleClosed() => Interlocked.Increment(ref _tcpIdleClosed);

    internal void SlowMessageClosed() => Interlocked.Increment(ref _tcpSlowMessageClosed);

    internal void BannedDrop() => Interlocked.Increment(ref _bannedDropped);

    internal void HandlingFailed(Exception exception)
    {
        Interlocked.Increment(ref _receiverFailures);
        _failuresByCause.AddOrUpdate(exception.GetType().Name, 1, static (_, count) => count + 1);
    }
}
