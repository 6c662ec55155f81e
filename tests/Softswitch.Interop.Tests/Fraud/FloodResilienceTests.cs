using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Fraud;

namespace Softswitch.Interop.Tests.Fraud;

/// <summary>
/// Issue 8: while one source floods the switch with INVITEs at ten times the call rate it sustains (about 2,000 calls a
/// second on this machine, so 20,000 datagrams a second), a customer trunk's calls keep succeeding: the flood rule bans
/// the source and its datagrams are dropped before they are parsed.
/// </summary>
public sealed class FloodResilienceTests : SwitchCallTest
{
    private const int FloodPerSecond = 20_000;
    private const string Flooder = "127.0.0.9";
    private static readonly TimeSpan FloodLength = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_trunks_calls_keep_succeeding_while_another_source_floods_at_ten_times_capacity()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 100);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        using var stop = new CancellationTokenSource(FloodLength);
        var flood = Task.Run(() => Flood(Host.SipEndPoint, stop.Token), TestContext.Current.CancellationToken);

        var calls = await CallAsync(Caller(SippScenario.UacCallBye) with { Calls = 100, CallsPerSecond = 20 });
        var sent = await flood;

        var guard = Host.Application.Services.GetRequiredService<SignallingGuard>();
        var ratio = (double)calls.Calls.Successful / calls.Calls.Created;
        TestContext.Current.SendDiagnosticMessage($"Flood of {sent} INVITEs from {Flooder}; trunk calls: {calls.Calls.Successful}/{calls.Calls.Created} succeeded ({ratio:P1})");
        Assert.True(guard.IsBanned(IPAddress.Parse(Flooder)), "the flooding source was not banned");
        Assert.True(sent >= FloodPerSecond, $"the test flooded only {sent} datagrams");
        Assert.True(ratio >= 0.99, $"only {ratio:P1} of the trunk's calls succeeded under the flood: {calls}");
        Assert.True(Host.Switch.TransportCounters.BannedDropped > sent / 2, $"only {Host.Switch.TransportCounters.BannedDropped} of {sent} flood datagrams were dropped as banned");
    }

    /// <summary>INVITEs with fresh Call-IDs from <see cref="Flooder"/>, paced in 5 ms bursts to the rate, until stopped.</summary>
    private static int Flood(IPEndPoint target, CancellationToken stop)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(Flooder), 0));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        const int perBurst = FloodPerSecond / 200;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (!stop.IsCancellationRequested && sent < FloodPerSecond * (int)FloodLength.TotalSeconds)
        {
            for (var i = 0; i < perBurst; i++, sent++)
            {
                socket.SendTo(Invite(target, local, sent), target);
            }

            var due = TimeSpan.FromMilliseconds(5.0 * sent / perBurst) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                Thread.Sleep(due);
            }
        }

        return sent;
    }

    private static byte[] Invite(IPEndPoint target, IPEndPoint local, int n) => Encoding.ASCII.GetBytes(
        $"INVITE sip:4420{n % 1000000:D6}@{target} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {local};branch=z9hG4bK-flood-{n}\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:flood@{local.Address}>;tag=f{n}\r\n" +
        $"To: <sip:4420{n % 1000000:D6}@{target.Address}>\r\n" +
        $"Call-ID: flood-{n}@{local.Address}\r\n" +
        "CSeq: 1 INVITE\r\n" +
        $"Contact: <sip:flood@{local}>\r\n" +
        "Content-Length: 0\r\n\r\n");
}
