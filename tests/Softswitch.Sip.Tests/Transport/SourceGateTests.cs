using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>A source the gate refuses gets no answer at all, over UDP and TCP, and its input never reaches the parser.</summary>
public sealed class SourceGateTests : IAsyncLifetime
{
    private static readonly IPAddress Banned = IPAddress.Parse("127.0.0.2");
    private readonly RefusingGate _gate = new();
    private readonly RecordingReceiver _receiver = new();
    private readonly SipTransport _transport;

    public SourceGateTests() =>
        _transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), UdpReceivers = 1, SourceGate = _gate });

    public ValueTask InitializeAsync()
    {
        _transport.Start(_receiver);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    [Fact]
    public async Task A_malformed_datagram_from_a_banned_source_is_dropped_before_parsing_and_counted()
    {
        using var banned = new UdpClient(new IPEndPoint(Banned, 0));
        var malformed = Encoding.UTF8.GetString(Wire.Request()).Replace("Max-Forwards: 70", "Max-Forwards: lots", StringComparison.Ordinal);
        await banned.SendAsync(Encoding.UTF8.GetBytes(malformed), _transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await banned.SendAsync(Wire.Request(callId: "banned"), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        using var allowed = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await allowed.SendAsync(Wire.Request(callId: "allowed"), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        // Datagrams of one peer pair arrive in order, and the allowed one is heard: the banned ones were handled first.
        Assert.Equal("allowed", (await _receiver.NextAsync()).Message.CallId);
        Assert.Equal(2, _transport.Counters.BannedDropped);
        Assert.Equal(0, _transport.Counters.MalformedAnswered);
        Assert.Equal(0, banned.Available);
    }

    [Fact]
    public async Task A_request_the_gate_refuses_after_parsing_is_dropped_unanswered()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync(Wire.Request(callId: "inspected-away"), _transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await client.SendAsync(Wire.Request(callId: "kept"), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        Assert.Equal("kept", (await _receiver.NextAsync()).Message.CallId);
        Assert.Equal(1, _transport.Counters.BannedDropped);
    }

    [Fact]
    public async Task A_tcp_connection_from_a_banned_source_is_closed_unanswered()
    {
        using var banned = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        banned.Bind(new IPEndPoint(Banned, 0));
        await banned.ConnectAsync(_transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await banned.SendAsync(Wire.Request(callId: "banned-tcp"), TestContext.Current.CancellationToken);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[512];
        int read;
        try
        {
            read = await banned.ReceiveAsync(buffer, timeout.Token);
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            read = 0;
        }

        Assert.Equal(0, read);
        Assert.True(_transport.Counters.BannedDropped >= 1);
        Assert.Equal(0, _transport.Counters.MessagesReceived);
    }

    private sealed class RefusingGate : ISipSourceGate
    {
        public bool Admit(IPAddress source) => !source.Equals(Banned);

        public bool Inspect(SipRequest request, IPAddress source) => request.CallId != "inspected-away";
    }
}
