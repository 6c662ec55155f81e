using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Serialization;

namespace Softswitch.Sip.Transport;

/// <summary>
/// UDP and TCP on one address and port (RFC 3261 §18). Reads messages, answers malformed requests with the
/// parse error's status and reason when they can be routed (otherwise drops and counts them), stamps
/// received/rport on requests, keeps a bounded table of TCP connections so responses reuse the request's connection,
/// and hands everything else to an <see cref="ISipMessageReceiver"/>.
/// </summary>
/// <remarks>
/// Each loop is a boundary: whatever one datagram, frame or socket error throws is caught, logged and counted, and the
/// loop goes on; only shutdown ends it. <see cref="IsReceiving"/> turns false if a loop ever stops anyway.
/// </remarks>
public sealed class SipTransport : ISipTransport, IAsyncDisposable
{
    private const int MaxDatagram = 65_535;
    private static readonly ReadOnlyMemory<byte> KeepAlivePong = "\r\n"u8.ToArray();

    private readonly SipTransportOptions _options;
    private readonly SipParser _parser;
    private readonly ILogger _logger;
    private readonly TcpConnectionTable _connections;
    private readonly ISipSourceGate? _gate;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private TcpTimeoutReaper? _reaper;
    private Socket[] _udpSockets = [];
    private Socket? _udp;
    private Socket? _tcpListener;
    private ISipMessageReceiver? _receiver;

    public SipTransport(SipTransportOptions options, ILogger<SipTransport>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _parser = new SipParser(options.Parser);
        _logger = logger ?? NullLogger<SipTransport>.Instance;
        _connections = new TcpConnectionTable(options.MaxTcpConnections, options.MaxTcpConnectionsPerSource);
        _gate = options.SourceGate;
    }

    public SipTransportCounters Counters { get; } = new();

    public IPEndPoint LocalEndPoint { get; private set; } = new(IPAddress.None, 0);

    /// <inheritdoc />
    public IPEndPoint AdvertisedEndPoint { get; private set; } = new(IPAddress.None, 0);

    /// <summary>Open TCP connections, accepted or initiated.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>True while every receive and accept loop runs: false before start, after stop, or if a loop died.</summary>
    public bool IsReceiving => _loops.Count > 0 && _loops.All(loop => !loop.IsCompleted);

    /// <summary>Open TCP connections from one address.</summary>
    public int ConnectionCountFrom(IPAddress source) => _connections.CountFrom(source);

    /// <summary>Binds the sockets and starts the receive loops.</summary>
    public void Start(ISipMessageReceiver receiver)
    {
        if (_receiver is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        var endPoint = _options.ListenEndPoint;
        var advertised = AdvertisedAddressSelector.Choose(_options.AdvertisedAddress, endPoint.Address);
        _receiver = receiver;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Bind(endPoint);
                break;
            }
            catch (SocketException) when (endPoint.Port == 0 && attempt < 10)
            {
                // The ephemeral port UDP got may be taken for TCP; close both and try another one.
                DisposeSockets();
            }
        }

        AdvertisedEndPoint = new IPEndPoint(advertised, LocalEndPoint.Port);
        for (var i = 0; i < _udpSockets.Length; i++)
        {
            _loops.Add(StartReceiveThread(_udpSockets[i], i));
        }

        if (_tcpListener is not null)
        {
            _reaper = new TcpTimeoutReaper(_connections, _options, Counters);
            _loops.Add(Task.Run(() => AcceptAsync(_tcpListener, _stopping.Token)));
        }

        _logger.LogInformation("SIP transport listening on {EndPoint}, advertised as {Advertised}", LocalEndPoint, AdvertisedEndPoint);
    }

    private void Bind(IPEndPoint endPoint)
    {
        var port = endPoint.Port;
        if (_options.EnableUdp)
        {
            _udpSockets = UdpReceiveSockets.Bind(endPoint, _options);
            _udp = _udpSockets[0];
            port = ((IPEndPoint)_udp.LocalEndPoint!).Port;
        }

        if (_options.EnableTcp)
        {
            _tcpListener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _tcpListener.Bind(new IPEndPoint(endPoint.Address, port));
            _tcpListener.Listen(512);
            port = ((IPEndPoint)_tcpListener.LocalEndPoint!).Port;
        }

        LocalEndPoint = new IPEndPoint(endPoint.Address, port);
    }

    public async ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var length = SipSerializer.GetByteCount(message);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            SipSerializer.Write(message, buffer);
            await SendSerializedAsync(buffer.AsMemory(0, length), destination, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);

        // RFC 3261 §18.2.2: a reliable transport reuses the connection the request came in on, if still open.
        if (requestSource.Protocol == SipTransportProtocol.Tcp && _connections.Contains(requestSource.EndPoint))
        {
            return SendAsync(response, requestSource, cancellationToken);
        }

        return SendAsync(response, ViaProcessing.ResponseDestination(response.TopVia, requestSource), cancellationToken);
    }

    public async ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendBytesAsync(message, destination, cancellationToken).ConfigureAwait(false);
            Counters.MessageSent();
        }
        catch
        {
            Counters.SendFailed();
            throw;
        }
    }

    private async ValueTask SendBytesAsync(ReadOnlyMemory<byte> bytes, SipEndPoint destination, CancellationToken cancellationToken)
    {
        if (destination.Protocol == SipTransportProtocol.Udp)
        {
            var udp = _udp ?? throw new InvalidOperationException("UDP is not enabled.");
            udp.SendTo(bytes.Span, SocketFlags.None, destination.EndPoint);
            return;
        }

        var connection = await GetOrConnectAsync(destination.EndPoint, cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SipTcpConnection> GetOrConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        remote = SipTcpConnection.Normalize(remote);
        if (_connections.TryGet(remote, out var existing))
        {
            return existing;
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(_options.TcpConnectTimeout);
        try
        {
            await socket.ConnectAsync(remote, timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SipTcpConnection(socket, _options.Time);
        switch (Admit(connection))
        {
            case TcpAdmission.Added:
                Counters.Opened();
                connection.Start(ReceiveStreamAsync);
                return connection;
            case TcpAdmission.Duplicate when _connections.TryGet(remote, out var raced):
                await connection.DisposeAsync().ConfigureAwait(false);
                return raced;
            default:
                await connection.DisposeAsync().ConfigureAwait(false);
                throw new SocketException((int)SocketError.TooManyOpenSockets);
        }
    }

    private TcpAdmission Admit(SipTcpConnection connection)
    {
        var admission = _connections.TryAdd(connection);
        if (admission == TcpAdmission.SourceFull)
        {
            Counters.RefusedPerSource();
        }
        else if (admission == TcpAdmission.TableFull)
        {
            Counters.RefusedTotal();
        }

        return admission;
    }

    /// <summary>
    /// Reads one UDP socket on a thread of its own with blocking receives. An asynchronous receive costs each datagram
    /// an epoll wake-up, a would-block receive and a hand-off to a pool thread (bench/README.md, "Intake threads");
    /// here the datagram is parsed and dispatched where it lands. The sockets therefore stay blocking: UDP sends are
    /// synchronous too (<see cref="SendBytesAsync"/>), since one asynchronous operation would switch a socket to
    /// non-blocking mode for good.
    /// </summary>
    private Task StartReceiveThread(Socket socket, int index)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                ReceiveDatagrams(socket, _stopping.Token);
                ended.SetResult();
            }
            catch (Exception exception)
            {
                ended.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = $"SIP UDP receive {index}",
        };
        thread.Start();
        return ended.Task;
    }

    private void ReceiveDatagrams(Socket socket, CancellationToken cancellationToken)
    {
        // One buffer for the loop: the parser copies each accepted message into its own exact-size array.
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        var backoff = new SocketErrorBackoff(_options.SocketErrorBackoff, _options.Time);
        var source = new SocketAddress(socket.AddressFamily);
        var peers = new PeerEndPoints(socket.AddressFamily);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = socket.ReceiveFrom(buffer, SocketFlags.None, source);
                    backoff.Reset();
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // ICMP port unreachable from an earlier send; not an error of this loop.
                    continue;
                }
                catch (SocketException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    Counters.ReceiveFailed();
                    _logger.LogWarning("UDP receive failed ({Error}); retrying after a pause", exception.SocketErrorCode);
                    backoff.Wait(cancellationToken);
                    continue;
                }

                var handling = HandleDatagramAsync(buffer.AsMemory(0, received), peers.Get(source), cancellationToken);
                if (!handling.IsCompletedSuccessfully)
                {
                    handling.AsTask().GetAwaiter().GetResult();
                }
            }
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Shutting down: the socket was closed under the blocked receive.
        }
    }

    private async ValueTask HandleDatagramAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var source = SipEndPoint.Udp(remote);
        try
        {
            if (!Admits(source))
            {
                return;
            }

            if (datagram.Span.Trim("\r\n"u8).IsEmpty)
            {
                Counters.KeepAlive();
                return;
            }

            var result = _parser.Parse(datagram.Span, SipFraming.Datagram);
            await DispatchAsync(result.Message, result.Error, source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            OnHandlingFailed(exception, source);
        }
    }

    private async Task AcceptAsync(Socket listener, CancellationToken cancellationToken)
    {
        var backoff = new SocketErrorBackoff(_options.SocketErrorBackoff, _options.Time);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                    backoff.Reset();
                }
                catch (SocketException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // EMFILE, ENFILE, ENOBUFS, a connection reset before accept: none ends the listener.
                    Counters.AcceptFailed();
                    _logger.LogWarning("TCP accept failed ({Error}); retrying after a pause", exception.SocketErrorCode);
                    await backoff.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await TakeConnectionAsync(socket).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Shutting down.
        }
    }

    private async ValueTask TakeConnectionAsync(Socket socket)
    {
        SipTcpConnection connection;
        try
        {
            connection = new SipTcpConnection(socket, _options.Time);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The peer reset before we could read its address.
            socket.Dispose();
            Counters.AcceptFailed();
            return;
        }

        if (Admits(connection.Remote) && Admit(connection) == TcpAdmission.Added)
        {
            Counters.Accepted();
            connection.Start(ReceiveStreamAsync);
        }
        else
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ReceiveStreamAsync(SipTcpConnection connection, CancellationToken cancellationToken)
    {
        // Off the accept loop's stack: a peer's first bytes are read on the pool, never inline in AcceptAsync.
        await Task.Yield();
        using var framer = new SipStreamFramer(_parser);
        var source = connection.Remote;
        try
        {
            while (true)
            {
                var read = await connection.ReceiveAsync(framer.GetMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                framer.Advance(read);
                if (!await DrainFramesAsync(framer, connection, source, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                connection.MarkBuffered(framer.Buffered > 0);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _logger.LogDebug("TCP connection {Remote} ended: {Reason}", source, exception.Message);
        }
        catch (Exception exception)
        {
            // The framer itself failed: the stream's framing is lost, so this connection (only) is closed.
            OnHandlingFailed(exception, source);
        }
        finally
        {
            if (_connections.TryRemove(connection))
            {
                _ = Task.Run(async () => await connection.DisposeAsync().ConfigureAwait(false), CancellationToken.None);
            }
        }
    }

    /// <returns>False when the stream must be closed.</returns>
    private async ValueTask<bool> DrainFramesAsync(SipStreamFramer framer, SipTcpConnection connection, SipEndPoint source, CancellationToken cancellationToken)
    {
        for (var frame = framer.Read(); frame.Kind != SipFrameKind.NeedMoreData; frame = framer.Read())
        {
            switch (frame.Kind)
            {
                case SipFrameKind.KeepAlivePing:
                    // RFC 5626 §3.5.1: answer a double-CRLF ping with a single CRLF pong.
                    Counters.KeepAlive();
                    await connection.SendAsync(KeepAlivePong, cancellationToken).ConfigureAwait(false);
                    break;
                case SipFrameKind.KeepAlivePong:
                    Counters.KeepAlive();
                    break;
                case SipFrameKind.Message when !Admits(source):
                    // Banned while connected: the connection goes, unanswered.
                    return false;
                case SipFrameKind.Message:
                    await DispatchGuardedAsync(frame.Message, null, source, cancellationToken).ConfigureAwait(false);
                    break;
                case SipFrameKind.Invalid:
                    await DispatchGuardedAsync(frame.Message, frame.Error, source, cancellationToken).ConfigureAwait(false);
                    if (frame.IsFatal)
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private async ValueTask DispatchGuardedAsync(SipMessage? message, SipParseError? error, SipEndPoint source, CancellationToken cancellationToken)
    {
        try
        {
            await DispatchAsync(message, error, source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            OnHandlingFailed(exception, source);
        }
    }

    private async ValueTask DispatchAsync(SipMessage? message, SipParseError? error, SipEndPoint source, CancellationToken cancellationToken)
    {
        if (message is not null && error is null)
        {
            error = SipMessageValidator.Validate(message);
        }

        if (error is not null)
        {
            await RejectAsync(message, error, source, cancellationToken).ConfigureAwait(false);
            return;
        }

        message!.Source = source;
        if (message is SipRequest request)
        {
            if (_gate?.Inspect(request, source.EndPoint.Address) == false)
            {
                Counters.BannedDrop();
                return;
            }

            ViaProcessing.StampSource(request, source);
        }

        Counters.MessageReceived();
        _receiver!.OnMessage(message, source);
    }

    private async ValueTask RejectAsync(SipMessage? message, SipParseError error, SipEndPoint source, CancellationToken cancellationToken)
    {
        if (message is SipRequest request && SipMessageValidator.CanRespond(request))
        {
            // RFC 3261 §8.2 / §18.3: answer with a reason phrase that names the fault, back to the real source.
            ViaProcessing.StampSource(request, source);
            var response = SipResponse.CreateFor(request, error.StatusCode, error.ReasonPhrase);
            // Counted before the send so that whoever reads the reply also sees the count.
            Counters.Answered();
            _logger.LogDebug("Rejected malformed request from {Source}: {Error}", source, error);
            try
            {
                await SendResponseAsync(response, source, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException)
            {
                _logger.LogDebug("Could not send {Error} to {Source}: {Reason}", error, source, exception.Message);
            }

            return;
        }

        Counters.Dropped();
        _logger.LogDebug("Dropped malformed input from {Source}: {Error}", source, error);
    }

    /// <summary>The gate's word on a source, before any parsing; a refusal is counted and never answered.</summary>
    private bool Admits(SipEndPoint source)
    {
        if (_gate is null || _gate.Admit(source.EndPoint.Address))
        {
            return true;
        }

        Counters.BannedDrop();
        return false;
    }

    private void OnHandlingFailed(Exception exception, SipEndPoint source)
    {
        Counters.HandlingFailed(exception);

        // The first failure of each kind is logged in full; repeats only count, so a flood of one bad packet cannot flood the log.
        if (Counters.FailuresByCause.GetValueOrDefault(exception.GetType().Name) == 1)
        {
            _logger.LogError(exception, "SIP message from {Source} failed; further {Cause} failures are only counted", source, exception.GetType().Name);
        }
        else
        {
            _logger.LogDebug("SIP message from {Source} failed: {Cause}", source, exception.GetType().Name);
        }
    }

    private void DisposeSockets()
    {
        foreach (var udp in _udpSockets)
        {
            udp.Dispose();
        }

        _tcpListener?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _reaper?.Dispose();
        DisposeSockets();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A loop that died earlier has already turned IsReceiving false; shutdown still closes every connection.
            _logger.LogError(exception, "A SIP listener loop had ended with an error before shutdown");
        }
        finally
        {
            foreach (var connection in _connections.Connections)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            _connections.Clear();
            _stopping.Dispose();
        }
    }
}
