using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>
/// EMFILE on accept(2): the process has no descriptor left for the new connection. The listener must count it, back
/// off and accept the waiting connection once descriptors are free again (issue 6, finding 5).
/// </summary>
[Collection(ProcessWideStateCollection.Name)]
public sealed class AcceptExhaustionTests
{
    [Fact]
    public async Task Accept_failing_with_emfile_backs_off_and_accepts_once_descriptors_are_free()
    {
        var time = new FakeTimeProvider();
        var receiver = new RecordingReceiver();
        await using var transport = new SipTransport(new SipTransportOptions
        {
            ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableUdp = false, Time = time, SocketErrorBackoff = TimeSpan.FromMilliseconds(50),
        });
        transport.Start(receiver);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        // While the table is full nothing may load an assembly or open a file, so the asserts wait until it is freed.
        int filled;
        bool acceptFailed;
        long acceptedWhileFull;
        using (var limit = OpenFileLimit.Exhaust())
        {
            filled = limit.Filled;
            await client.ConnectAsync(transport.LocalEndPoint, TestContext.Current.CancellationToken);
            acceptFailed = await EventuallyAsync(() => transport.Counters.AcceptErrors >= 1);
            acceptedWhileFull = transport.Counters.TcpConnectionsAccepted;
        }

        Assert.True(filled > 0);
        Assert.True(acceptFailed);
        Assert.Equal(0, acceptedWhileFull);

        // The loop waits out its backoff on the injected clock; each further EMFILE would double it, so advance past several.
        for (var step = 0; step < 10 && transport.Counters.TcpConnectionsAccepted == 0; step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await client.SendAsync(Wire.Request(callId: "after-emfile"), SocketFlags.None, TestContext.Current.CancellationToken);
        var (message, _) = await receiver.NextAsync();
        Assert.Equal("after-emfile", message.CallId);
        Assert.Equal(1, transport.Counters.TcpConnectionsAccepted);
        Assert.True(transport.IsReceiving);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 250 && !condition(); attempt++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return condition();
    }
}
