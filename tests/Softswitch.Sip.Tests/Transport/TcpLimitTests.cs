using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>What a TCP peer can make the transport hold: connections, idle sockets, half-sent messages.</summary>
public sealed class TcpLimitTests
{
    private static readonly IPAddress SecondLoopback = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Connections_beyond_the_per_source_limit_are_closed_at_once_and_other_sources_still_connect()
    {
        await using var transport = Start(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableUdp = false, MaxTcpConnectionsPerSource = 3 });
        var held = new List<Socket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                held.Add(await ConnectAsync(transport, IPAddress.Loopback));
            }

            await WaitUntilAsync(() => transport.ConnectionCountFrom(IPAddress.Loopback) == 3);
            using var refused = await ConnectAsync(transport, IPAddress.Loopback);
            Assert.Equal(0, await ReadOrCloseAsync(refused));
            Assert.Equal(1, transport.Counters.TcpRefusedPerSource);

            using var other = await ConnectAsync(transport, SecondLoopback);
            await other.SendAsync(Wire.Request(callId: "other-source"), SocketFlags.None, TestContext.Current.CancellationToken);
            await WaitUntilAsync(() => transport.Counters.MessagesReceived == 1);
        }
        finally
        {
            held.ForEach(socket => socket.Dispose());
        }
    }

    [Fact]
    public async Task Connections_beyond_the_total_limit_are_closed_and_a_closed_one_frees_its_place()
    {
        await using var transport = Start(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableUdp = false, MaxTcpConnections = 2 });
        var first = await ConnectAsync(transport, IPAddress.Loopback);
        using var second = await ConnectAsync(transport, SecondLoopback);
        await WaitUntilAsync(() => transport.ConnectionCount == 2);

        using (var refused = await ConnectAsync(transport, IPAddress.Parse("127.0.0.3")))
        {
            Assert.Equal(0, await ReadOrCloseAsync(refused));
        }

        Assert.Equal(1, transport.Counters.TcpRefusedTotal);
        first.Dispose();
        await WaitUntilAsync(() => transport.ConnectionCount == 1 && transport.ConnectionCountFrom(IPAddress.Loopback) == 0);
        using var again = await ConnectAsync(transport, IPAddress.Loopback);
        await WaitUntilAsync(() => transport.ConnectionCount == 2);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_idle_timeout()
    {
        var time = new FakeTimeProvider();
        await using var transport = Start(new SipTransportOptions
        {
            ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableUdp = false, Time = time, TcpIdleTimeout = TimeSpan.FromSeconds(30),
        });
        using var client = await ConnectAsync(transport, IPAddress.Loopback);
        await WaitUntilAsync(() => transport.ConnectionCount == 1);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, transport.ConnectionCount);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, await ReadOrCloseAsync(client));
        Assert.Equal(1, transport.Counters.TcpIdleClosed);
        await WaitUntilAsync(() => transport.ConnectionCount == 0);
    }

    [Fact]
    public async Task A_message_trickled_slower_than_the_read_timeout_closes_the_connection_while_keep_alives_do_not()
    {
        var time = new FakeTimeProvider();
        await using var transport = Start(new SipTransportOptions
        {
            ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableUdp = false, Time = time, TcpMessageReadTimeout = TimeSpan.FromSeconds(10),
        });
        using var pinger = await ConnectAsync(transport, SecondLoopback);
        using var slow = await ConnectAsync(transport, IPAddress.Loopback);
        var message = Wire.Request(callId: "slow");
        for (var i = 0; i < 12; i++)
        {
            await slow.SendAsync(message.AsMemory(i, 1), SocketFlags.None, TestContext.Current.CancellationToken);
            await pinger.SendAsync("\r\n\r\n"u8.ToArray(), SocketFlags.None, TestContext.Current.CancellationToken);
            await WaitUntilAsync(() => transport.Counters.KeepAlives == i + 1);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, await ReadOrCloseAsync(slow));
        Assert.Equal(1, transport.Counters.TcpSlowMessageClosed);
        Assert.Equal(0, transport.Counters.MessagesReceived);
        await WaitUntilAsync(() => transport.ConnectionCount == 1 && transport.ConnectionCountFrom(SecondLoopback) == 1);
    }

    [Fact]
    public async Task A_message_sent_one_byte_at_a_time_is_framed_once_and_delivered()
    {
        var receiver = new RecordingReceiver();
        await using var transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableUdp = false });
        transport.Start(receiver);
        using var client = await ConnectAsync(transport, IPAddress.Loopback);
        client.NoDelay = true;
        var message = Wire.Request(callId: "byte-by-byte", method: "MESSAGE", body: new string('x', 300));

        for (var i = 0; i < message.Length; i++)
        {
            await client.SendAsync(message.AsMemory(i, 1), SocketFlags.None, TestContext.Current.CancellationToken);
        }

        var (received, _) = await receiver.NextAsync();
        Assert.Equal("byte-by-byte", received.CallId);
        Assert.Equal(300, received.Body.Length);
    }

    private static SipTransport Start(SipTransportOptions options)
    {
        var transport = new SipTransport(options);
        transport.Start(new RecordingReceiver());
        return transport;
    }

    private static async Task<Socket> ConnectAsync(SipTransport transport, IPAddress from)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(transport.LocalEndPoint, TestContext.Current.CancellationToken);
        return socket;
    }

    /// <summary>0 when the transport closed the connection (or reset it) within five seconds.</summary>
    private static async Task<int> ReadOrCloseAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            return await socket.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token);
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 250 && !condition(); attempt++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
