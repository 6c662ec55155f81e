using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// The ctrl_tcp connection. Commands go out as netstring JSON, <c>{"command":"dial","params":"sip:…","token":"3"}</c>;
/// their responses, <c>{"response":true,"ok":true,"data":"…","token":"3"}</c>, are matched back by token; events,
/// <c>{"event":true,"type":…}</c>, are queued in arrival order for one reader.
/// </summary>
internal sealed class BaresipControlClient : IAsyncDisposable
{
    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ControlResponse>> _pending = new();
    private readonly Channel<BaresipEvent> _events = Channel.CreateUnbounded<BaresipEvent>(new() { SingleReader = true });
    private readonly ConcurrentQueue<BaresipEvent> _received = new();
    private readonly Task _readLoop;
    private int _lastToken;
    private volatile IOException? _closed;

    private BaresipControlClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = PipeReader.Create(_stream);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Events not yet taken, oldest first.</summary>
    public ChannelReader<BaresipEvent> Events => _events.Reader;

    /// <summary>Every event received so far, taken or not; for failure messages.</summary>
    public IReadOnlyCollection<BaresipEvent> Received => _received;

    /// <summary>Connects, retrying while the port refuses: ctrl_tcp listens only once baresip has loaded its modules.</summary>
    public static async Task<BaresipControlClient> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellation)
    {
        while (true)
        {
            var tcp = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                await tcp.ConnectAsync(endpoint, cancellation);
                return new BaresipControlClient(tcp);
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionRefused)
            {
                tcp.Dispose();
            }
            catch
            {
                tcp.Dispose();
                throw;
            }

            await Task.Delay(ConnectRetryDelay, cancellation);
        }
    }

    /// <summary>Runs a command and returns the text it printed; throws when baresip answers <c>"ok":false</c>.</summary>
    public async Task<string> ExecuteAsync(string command, string? parameters, CancellationToken cancellation)
    {
        var token = Interlocked.Increment(ref _lastToken).ToString(CultureInfo.InvariantCulture);
        var response = new TaskCompletionSource<ControlResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = response;
        try
        {
            if (_closed is { } closed)
            {
                throw closed;
            }

            await WriteAsync(command, parameters, token, cancellation);
            var (ok, data) = await response.Task.WaitAsync(cancellation);
            return ok ? data : throw new InvalidOperationException($"baresip refused '{command} {parameters}': {data}");
        }
        finally
        {
            _pending.TryRemove(token, out _);
        }
    }

    /// <summary>Sends a command without waiting for its response, for <c>quit</c>, which may close the socket before answering.</summary>
    public Task PostAsync(string command, CancellationToken cancellation) => WriteAsync(command, null, null, cancellation);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _readLoop;
        await _reader.CompleteAsync();
        _tcp.Dispose();
        _stop.Dispose();
        _writeGate.Dispose();
    }

    private async Task WriteAsync(string command, string? parameters, string? token, CancellationToken cancellation)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            if (parameters is not null)
            {
                writer.WriteString("params", parameters);
            }

            if (token is not null)
            {
                writer.WriteString("token", token);
            }

            writer.WriteEndObject();
        }

        var frame = Netstring.Encode(json.WrittenSpan);
        await _writeGate.WaitAsync(cancellation);
        try
        {
            await _stream.WriteAsync(frame, cancellation);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(_stop.Token);
                var consumed = DispatchComplete(result.Buffer);
                _reader.AdvanceTo(consumed, result.Buffer.End);
                if (result.IsCompleted)
                {
                    Close(null);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            Close(null);
        }
        catch (Exception error)
        {
            // Not swallowed: every pending command and every event reader gets it.
            Close(error);
        }
    }

    private SequencePosition DispatchComplete(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (Netstring.TryRead(ref reader, out var payload))
        {
            Dispatch(payload);
        }

        return reader.Position;
    }

    private void Dispatch(ReadOnlySequence<byte> payload)
    {
        using var message = JsonDocument.Parse(payload);
        var root = message.RootElement;
        if (root.TryGetProperty("event", out _))
        {
            var received = root.Deserialize<BaresipEvent>() ?? throw new InvalidDataException("ctrl_tcp sent a null event.");
            _received.Enqueue(received);
            _events.Writer.TryWrite(received);
        }
        else if (root.TryGetProperty("token", out var token) && _pending.TryGetValue(token.GetString() ?? "", out var response))
        {
            response.TrySetResult(new ControlResponse(root.GetProperty("ok").GetBoolean(), root.GetProperty("data").GetString() ?? ""));
        }

        // A response without a pending token answers a posted command (quit); nobody waits for it.
    }

    private void Close(Exception? error)
    {
        var closed = new IOException("baresip closed its ctrl_tcp connection.", error);
        _closed = closed;
        _events.Writer.TryComplete(closed);
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(closed);
        }
    }

    private readonly record struct ControlResponse(bool Ok, string Data);
}
