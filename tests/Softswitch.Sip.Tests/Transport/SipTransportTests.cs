using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Tests.Parsing;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

public sealed class SipTransportTests : IAsyncLifetime
{
    private readonly SipTransport _transport = new(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
    private readonly RecordingReceiver _receiver = new();

    public ValueTask InitializeAsync()
    {
        _transport.Start(_receiver);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    [Fact]
    public async Task Udp_datagram_is_received_and_via_gets_received_and_rport()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var clientPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        var request = Encoding.UTF8.GetString(Wire.Request()).Replace(";branch=", ";rport;branch=", StringComparison.Ordinal);
        await client.SendAsync(Encoding.UTF8.GetBytes(request), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        var (message, source) = await _receiver.NextAsync();
        Assert.Equal(SipTransportProtocol.Udp, source.Protocol);
        Assert.Equal(clientPort, source.EndPoint.Port);
        Assert.Equal("127.0.0.1", message.TopVia.Received);
        Assert.Equal(clientPort, message.TopVia.RPort);
    }

    [Fact]
    public async Task Udp_response_is_sent_back_to_rport()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var request = Encoding.UTF8.GetString(Wire.Request()).Replace(";branch=", ";rport;branch=", StringComparison.Ordinal);
        await client.SendAsync(Encoding.UTF8.GetBytes(request), _transport.LocalEndPoint, TestContext.Current.CancellationToken);
        var (message, source) = await _receiver.NextAsync();

        await _transport.SendResponseAsync(SipResponse.CreateFor((SipRequest)message, 200), source, TestContext.Current.CancellationToken);
        var reply = await ReceiveUdpAsync(client);
        Assert.StartsWith("SIP/2.0 200 OK", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_udp_request_is_answered_with_400_naming_the_fault()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var bad = Encoding.UTF8.GetString(Wire.Request(extraHeaders: "Max-Forwards: 69\n")).Replace(";branch=", ";rport;branch=", StringComparison.Ordinal);
        await client.SendAsync(Encoding.UTF8.GetBytes(bad), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        var reply = await ReceiveUdpAsync(client);
        Assert.StartsWith("SIP/2.0 400 Bad Request - Duplicate Max-Forwards\r\n", reply, StringComparison.Ordinal);
        Assert.Equal(1, _transport.Counters.MalformedAnswered);
    }

    [Fact]
    public async Task Unroutable_garbage_is_dropped_and_counted()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync("\x01\x02 not sip at all"u8.ToArray(), _transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await client.SendAsync(CorpusMessage.Load("Invalid", "missing-via").Bytes, _transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await client.SendAsync(Wire.Request(callId: "good"), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        var (message, _) = await _receiver.NextAsync();
        Assert.Equal("good", message.CallId);
        Assert.Equal(2, _transport.Counters.MalformedDropped);
        Assert.Equal(0, _transport.Counters.MalformedAnswered);
    }

    [Fact]
    public async Task Tcp_pipelined_messages_are_all_received_and_response_reuses_the_connection()
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(_transport.LocalEndPoint, TestContext.Current.CancellationToken);
        byte[] pipelined = [.. "\r\n\r\n"u8, .. Wire.Request(callId: "p1", method: "MESSAGE", body: "one"), .. Wire.Request(callId: "p2")];
        await client.SendAsync(pipelined, SocketFlags.None, TestContext.Current.CancellationToken);

        var first = await _receiver.NextAsync();
        var second = await _receiver.NextAsync();
        Assert.Equal(["p1", "p2"], new[] { first.Message.CallId, second.Message.CallId });
        Assert.Equal(SipTransportProtocol.Tcp, first.Source.Protocol);

        var pong = new byte[2];
        Assert.Equal(2, await client.ReceiveAsync(pong, SocketFlags.None, TestContext.Current.CancellationToken));
        Assert.Equal("\r\n"u8.ToArray(), pong);

        await _transport.SendResponseAsync(SipResponse.CreateFor((SipRequest)second.Message, 486), second.Source, TestContext.Current.CancellationToken);
        using var framer = new SipStreamFramer();
        var response = await ReadFrameAsync(client, framer);
        Assert.Equal(486, ((SipResponse)response).StatusCode);
        Assert.Equal(1, _transport.ConnectionCount);
    }

    [Fact]
    public async Task Malformed_tcp_request_with_known_length_gets_400_and_the_connection_stays_open()
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(_transport.LocalEndPoint, TestContext.Current.CancellationToken);
        var bad = Encoding.UTF8.GetString(Wire.Request(extraHeaders: "Max-Forwards: 69\n")).Replace("UDP", "TCP", StringComparison.Ordinal);
        await client.SendAsync(Encoding.UTF8.GetBytes(bad), SocketFlags.None, TestContext.Current.CancellationToken);
        using var framer = new SipStreamFramer();
        var response = (SipResponse)await ReadFrameAsync(client, framer);
        Assert.Equal("Bad Request - Duplicate Max-Forwards", response.ReasonPhrase);

        await client.SendAsync(Wire.Request(callId: "after-bad"), SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.Equal("after-bad", (await _receiver.NextAsync()).Message.CallId);
    }

    [Fact]
    public async Task Transport_sends_requests_over_tcp_by_opening_a_connection()
    {
        await using var peer = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        var peerReceiver = new RecordingReceiver();
        peer.Start(peerReceiver);
        var request = SipParser.Default.Parse(Wire.Request(callId: "outbound"), SipFraming.Datagram).Message!;

        await _transport.SendAsync(request, SipEndPoint.Tcp(peer.LocalEndPoint), TestContext.Current.CancellationToken);
        var (received, source) = await peerReceiver.NextAsync();
        Assert.Equal("outbound", received.CallId);
        await peer.SendResponseAsync(SipResponse.CreateFor((SipRequest)received, 200), source, TestContext.Current.CancellationToken);
        var (response, _) = await _receiver.NextAsync();
        Assert.Equal(200, ((SipResponse)response).StatusCode);
        Assert.Equal(1, _transport.Counters.TcpConnectionsOpened);
    }

    private static async Task<string> ReceiveUdpAsync(UdpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await client.ReceiveAsync(timeout.Token);
        return Encoding.UTF8.GetString(result.Buffer);
    }

    private static async Task<SipMessage> ReadFrameAsync(Socket socket, SipStreamFramer framer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        for (var reads = 0; reads < 100; reads++)
        {
            var frame = framer.Read();
            if (frame.Kind == SipFrameKind.Message)
            {
                return frame.Message!;
            }

            var read = await socket.ReceiveAsync(framer.GetMemory(), SocketFlags.None, timeout.Token);
            Assert.NotEqual(0, read);
            framer.Advance(read);
        }

        throw new TimeoutException("No SIP message arrived.");
    }
}
