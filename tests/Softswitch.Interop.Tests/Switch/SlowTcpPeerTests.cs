using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// Slowloris over SIP: 500 TCP connections that each trickle one byte a second. Real calls over UDP and TCP must go
/// through meanwhile, and the message read timeout must close every slow connection.
/// </summary>
public sealed class SlowTcpPeerTests : SwitchCallTest
{
    private const int SlowConnections = 500;
    private const int SourceAddresses = 10;
    private const int CallsPerTransport = 20;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Sip:TcpMessageReadTimeoutSeconds"] = "5",
    };

    [Fact]
    public async Task Legitimate_udp_and_tcp_calls_succeed_while_500_slow_connections_are_closed_by_the_read_timeout()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 2 * CallsPerTransport);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var slow = await OpenSlowConnectionsAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var trickling = TrickleAsync(slow, stop.Token);
        var closedBySwitch = slow.Select(socket => WaitForCloseAsync(socket, ReadTimeout * 4)).ToArray();

        var udp = CallAsync(Caller(SippScenario.UacCallBye) with { Calls = CallsPerTransport, CallsPerSecond = 5, TraceMessages = false });
        var tcp = CallAsync(Caller(SippScenario.UacCallBye, SippTransport.Tcp) with { Calls = CallsPerTransport, CallsPerSecond = 5, TraceMessages = false });
        var results = await Task.WhenAll(udp, tcp);
        var closed = await Task.WhenAll(closedBySwitch);
        await stop.CancelAsync();
        await trickling;
        slow.ForEach(socket => socket.Dispose());

        var succeeded = results.Sum(result => result.Calls.Successful);
        TestContext.Current.SendDiagnosticMessage(
            $"slow TCP: legitimate calls {succeeded}/{2 * CallsPerTransport} succeeded; {closed.Count(c => c)}/{SlowConnections} slow connections closed by the switch");
        Assert.True(results[0].AllCallsSucceeded, results[0].ToString());
        Assert.True(results[1].AllCallsSucceeded, results[1].ToString());
        Assert.All(closed, Assert.True);
        Assert.True(Host.Switch.TransportCounters.TcpSlowMessageClosed >= SlowConnections);
    }

    private async Task<List<Socket>> OpenSlowConnectionsAsync()
    {
        var sockets = new List<Socket>(SlowConnections);
        for (var i = 0; i < SlowConnections; i++)
        {
            // Spread over several loopback sources, as a botnet would, so the per-source cap is not what stops them.
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse($"127.0.0.{10 + (i % SourceAddresses)}"), 0));
            await socket.ConnectAsync(Host.SipEndPoint, TestContext.Current.CancellationToken);
            sockets.Add(socket);
        }

        return sockets;
    }

    private static async Task TrickleAsync(List<Socket> sockets, CancellationToken stop)
    {
        var invite = Encoding.ASCII.GetBytes("INVITE sip:4420123456@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKslow\r\n");
        for (var second = 0; second < invite.Length && !stop.IsCancellationRequested; second++)
        {
            foreach (var socket in sockets)
            {
                try
                {
                    socket.Send(invite, second, 1, SocketFlags.None);
                }
                catch (SocketException)
                {
                    // Closed by the switch already: that is the point.
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<bool> WaitForCloseAsync(Socket socket, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var buffer = new byte[64];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
                // The switch sends nothing to a half-sent request; anything read is ignored until the close.
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
