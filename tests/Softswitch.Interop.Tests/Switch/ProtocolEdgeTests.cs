using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>Requests the switch must refuse before any call starts, sent as raw datagrams from a real socket.</summary>
public sealed class ProtocolEdgeTests : SwitchCallTest
{
    [Fact]
    public async Task An_invite_requiring_an_unknown_extension_gets_420_naming_it()
    {
        await ProvisionAsync(new VendorTrunk(9));

        var response = await ExchangeAsync(Invite("Require: 100rel\r\n"));

        Assert.StartsWith("SIP/2.0 420 ", response, StringComparison.Ordinal);
        Assert.Contains("Unsupported: 100rel", response, StringComparison.Ordinal);
        Assert.Equal(0, Host.Switch.B2bua.Counters.CallsAccepted);
    }

    [Fact]
    public async Task An_invite_with_too_short_a_session_interval_gets_422_with_min_se()
    {
        await ProvisionAsync(new VendorTrunk(9));

        var response = await ExchangeAsync(Invite("Supported: timer\r\nSession-Expires: 30\r\n"));

        Assert.StartsWith("SIP/2.0 422 ", response, StringComparison.Ordinal);
        Assert.Contains("Min-SE: 90", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_invite_gets_400_naming_the_fault_and_the_switch_keeps_serving()
    {
        await ProvisionAsync(new VendorTrunk(9));

        var response = await ExchangeAsync(Invite("CSeq: 2 INVITE\r\n"));

        Assert.StartsWith("SIP/2.0 400 Bad Request - ", response, StringComparison.Ordinal);
        Assert.Equal(1, Host.Switch.TransportCounters.MalformedAnswered);
        Assert.StartsWith("SIP/2.0 422 ", await ExchangeAsync(Invite("Session-Expires: 30\r\n")), StringComparison.Ordinal);
    }

    private string Invite(string extraHeaders)
    {
        var port = Host.SipEndPoint.Port;
        return "INVITE sip:4420123456@127.0.0.1:" + port + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK" + Guid.NewGuid().ToString("n") + ";rport\r\n"
            + "From: <sip:15550001111@127.0.0.1>;tag=edge\r\n"
            + "To: <sip:4420123456@127.0.0.1>\r\n"
            + "Call-ID: " + Guid.NewGuid().ToString("n") + "@edge\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Max-Forwards: 70\r\n"
            + "Contact: <sip:15550001111@127.0.0.1:9>\r\n"
            + extraHeaders
            + "Content-Length: 0\r\n\r\n";
    }

    /// <summary>Sends one request and returns the first final response (the 100 Trying is skipped); bounded to 5 s.</summary>
    private async Task<string> ExchangeAsync(string request)
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), Host.SipEndPoint);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 5; i++)
        {
            var datagram = await socket.ReceiveAsync(timeout.Token);
            var text = Encoding.ASCII.GetString(datagram.Buffer);
            if (!text.StartsWith("SIP/2.0 100 ", StringComparison.Ordinal))
            {
                return text;
            }
        }

        throw new InvalidOperationException("Only provisional responses arrived.");
    }
}
