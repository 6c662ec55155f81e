using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Transport;

/// <summary>One TCP connection: a framer-driven receive loop, serialized writes, and the activity the timeouts read.</summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiveLoop = Task.CompletedTask;
    private long _lastReceived;
    private long _messageStarted;
    private int _disposed;

    public SipTcpConnection(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _time = time;
        RemoteEndPoint = Normalize((IPEndPoint)socket.RemoteEndPoint!);
        _lastReceived = time.GetTimestamp();
    }

    public IPEndPoint RemoteEndPoint { get; }

    public SipEndPoint Remote => SipEndPoint.Tcp(RemoteEndPoint);

    /// <summary>True once closing has begun (the table may still list it until its receive loop ends).</summary>
    public bool IsClosing => Volatile.Read(ref _disposed) == 1;

    /// <summary>How long since the peer last sent a byte.</summary>
    public TimeSpan Idle => _time.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    /// <summary>How long the message now partly received has been arriving; zero when no message is partly received.</summary>
    public TimeSpan MessageInProgress
    {
        get
        {
            var started = Interlocked.Read(ref _messageStarted);
            return started == 0 ? TimeSpan.Zero : _time.GetElapsedTime(started);
        }
    }

    public void Start(Func<SipTcpConnection, CancellationToken, Task> receiveLoop) => _receiveLoop = receiveLoop(this, _closing.Token);

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
        return read;
    }

    /// <summary>Called after each read is framed: starts the message clock on a new partial message, stops it when none is left.</summary>
    public void MarkBuffered(bool partialMessage)
    {
        if (!partialMessage)
        {
            Interlocked.Exchange(ref _messageStarted, 0);
        }
        else if (Interlocked.Read(ref _messageStarted) == 0)
        {
            Interlocked.Exchange(ref _messageStarted, Math.Max(1, _time.GetTimestamp()));
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[sent..];
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation when we close the connection ourselves.
        }

        _closing.Dispose();
        _sendLock.Dispose();
    }

    internal static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;
}
