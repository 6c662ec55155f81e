using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>Datagrams an attacker sends to silence the switch or to aim its responses at someone else.</summary>
public sealed class HostileDatagramTests : IAsyncLifetime
{
    private readonly SipTransport _transport = new(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableTcp = false });
    private readonly RecordingReceiver _receiver = new();

    public ValueTask InitializeAsync()
    {
        _transport.Start(_receiver);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    [Fact]
    public async Task An_out_of_range_rport_with_a_bad_max_forwards_is_answered_at_the_real_source_and_intake_goes_on()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var hostile = Encoding.UTF8.GetString(Wire.Request()).Replace(";branch=", ";rport=70000;branch=", StringComparison.Ordinal)
            .Replace("Max-Forwards: 70", "Max-Forwards: lots", StringComparison.Ordinal);
        await client.SendAsync(Encoding.UTF8.GetBytes(hostile), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        var reply = await ReceiveAsync(client);
        Assert.StartsWith("SIP/2.0 400", reply, StringComparison.Ordinal);
        var clientPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        Assert.Contains($";rport={clientPort}", reply, StringComparison.Ordinal);

        await client.SendAsync(Wire.Request(callId: "still-heard"), _transport.LocalEndPoint, TestContext.Current.CancellationToken);
        Assert.Equal("still-heard", (await _receiver.NextAsync()).Message.CallId);
        Assert.True(_transport.IsReceiving);
    }

    [Fact]
    public async Task A_receiver_that_throws_costs_that_message_only_and_is_counted_by_cause()
    {
        await using var transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableTcp = false });
        var receiver = new ThrowingOnceReceiver();
        transport.Start(receiver);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await client.SendAsync(Wire.Request(callId: "boom"), transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await client.SendAsync(Wire.Request(callId: "after"), transport.LocalEndPoint, TestContext.Current.CancellationToken);

        Assert.Equal("after", (await receiver.Recorded.NextAsync()).Message.CallId);
        Assert.Equal(1, transport.Counters.ReceiverFailures);
        Assert.Equal(1, transport.Counters.FailuresByCause[nameof(ArgumentOutOfRangeException)]);
        Assert.True(transport.IsReceiving);
    }

    [Fact]
    public async Task A_spoofed_received_and_maddr_never_redirect_the_response()
    {
        using var victim = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var victimPort = ((IPEndPoint)victim.Client.LocalEndPoint!).Port;
        using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var spoofed = Encoding.UTF8.GetString(Wire.Request())
            .Replace("192.0.2.1:5060;branch=", $"127.0.0.1:{victimPort};received=127.0.0.1;maddr=127.0.0.1;branch=", StringComparison.Ordinal);
        await sender.SendAsync(Encoding.UTF8.GetBytes(spoofed), _transport.LocalEndPoint, TestContext.Current.CancellationToken);
        var (message, source) = await _receiver.NextAsync();

        await _transport.SendResponseAsync(SipResponse.CreateFor((SipRequest)message, 407), source, TestContext.Current.CancellationToken);

        Assert.StartsWith("SIP/2.0 407", await ReceiveAsync(sender), StringComparison.Ordinal);
        Assert.Equal(0, victim.Available);
    }

    [Fact]
    public async Task A_sender_supplied_received_and_rport_are_overwritten_with_the_real_source()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        var lying = Encoding.UTF8.GetString(Wire.Request()).Replace(";branch=", ";received=198.51.100.9;rport=5999;branch=", StringComparison.Ordinal)
            .Replace("192.0.2.1:5060", "127.0.0.1", StringComparison.Ordinal);
        await client.SendAsync(Encoding.UTF8.GetBytes(lying), _transport.LocalEndPoint, TestContext.Current.CancellationToken);

        var (message, _) = await _receiver.NextAsync();
        Assert.Equal("127.0.0.1", message.TopVia.Received);
        Assert.Equal(port, message.TopVia.RPort);
    }

    private static async Task<string> ReceiveAsync(UdpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await client.ReceiveAsync(timeout.Token);
        return Encoding.UTF8.GetString(result.Buffer);
    }

    private sealed class ThrowingOnceReceiver : ISipMessageReceiver
    {
        private int _calls;

        public RecordingReceiver Recorded { get; } = new();

        public void OnMessage(SipMessage message, SipEndPoint source)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new ArgumentOutOfRangeException(nameof(message), "a handler bug");
            }

            Recorded.OnMessage(message, source);
        }
    }
}
