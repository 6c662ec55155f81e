using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Transport;

/// <summary>One TCP connection: a framer-driven receive loop and serialized writes.</summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiveLoop = Task.CompletedTask;
    private int _disposed;

    public SipTcpConnection(Socket socket)
    {
        _socket = socket;
        RemoteEndPoint = Normalize((IPEndPoint)socket.RemoteEndPoint!);
    }

    public IPEndPoint RemoteEndPoint { get; }

    public SipEndPoint Remote => SipEndPoint.Tcp(RemoteEndPoint);

    public void Start(Func<SipTcpConnection, CancellationToken, Task> receiveLoop) => _receiveLoop = receiveLoop(this, _closing.Token);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

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
