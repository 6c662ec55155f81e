using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Switch.Redirect;

namespace Softswitch.Switch.Tests.Redirect;

/// <summary>What a SIP routing server's final answer means, and which of its headers are carried.</summary>
public sealed class SipRoutingAnswerTests
{
    [Theory]
    [InlineData(302, RoutingServerVerdict.Redirect)]
    [InlineData(301, RoutingServerVerdict.Redirect)]
    [InlineData(404, RoutingServerVerdict.OwnRoutes)]
    [InlineData(603, RoutingServerVerdict.Refuse)]
    [InlineData(403, RoutingServerVerdict.Refuse)]
    [InlineData(500, RoutingServerVerdict.Failed)]
    [InlineData(503, RoutingServerVerdict.Failed)]
    [InlineData(408, RoutingServerVerdict.Failed)]
    [InlineData(480, RoutingServerVerdict.Failed)]
    [InlineData(300, RoutingServerVerdict.Failed)]
    public void Each_answer_has_its_meaning(int status, RoutingServerVerdict verdict) =>
        Assert.Equal(verdict, SipRoutingServerClient.Read(Response(status, ""), []).Verdict);

    [Fact]
    public void A_302s_contacts_keep_their_q_values_and_only_the_chosen_headers_are_carried()
    {
        var answer = SipRoutingServerClient.Read(
            Response(302, "Contact: <sip:1@192.0.2.1:5061>;q=0.3, <sip:2@192.0.2.1:5062>\r\nContact: *\r\nX-Route: r1\r\nX-Other: no\r\nIdentity: abc;info=<https://cert.example/x>\r\n"),
            ["X-Route", "Identity"]);

        Assert.Equal([("sip:1@192.0.2.1:5061", 0.3), ("sip:2@192.0.2.1:5062", 1.0)], answer.Targets.Select(t => (t.Uri!.ToString(), t.Q)));
        Assert.Equal(["X-Route: r1", "Identity: abc;info=<https://cert.example/x>"], answer.Headers.Select(h => $"{h.Key}: {h.Value}"));
    }

    [Fact]
    public void Carried_headers_are_bounded_in_length()
    {
        var answer = SipRoutingServerClient.Read(
            Response(302, $"Contact: <sip:1@192.0.2.1>\r\nX-Big: {new string('a', RedirectHeaders.MaxValueLength + 1)}\r\n" + string.Concat(Enumerable.Range(0, 8).Select(i => $"X-Many: {new string('b', 1000)}\r\n"))),
            ["X-Big", "X-Many"]);

        Assert.DoesNotContain(answer.Headers, h => h.Key == "X-Big");
        Assert.InRange(answer.Headers.Sum(h => h.Value.Length), 1, RedirectHeaders.MaxTotalLength);
    }

    [Theory]
    [InlineData("X-Route-Tag", true)]
    [InlineData("Identity", true)]
    [InlineData("p-asserted-identity", true)]
    [InlineData("Via", false)]
    [InlineData("Contact", false)]
    [InlineData("X-", false)]
    [InlineData("X-Bad Name", false)]
    public void Only_identity_and_x_headers_can_be_carried(string name, bool carriable) =>
        Assert.Equal(carriable, RedirectHeaders.IsCarriable(name));

    private static SipResponse Response(int status, string headers)
    {
        var text = $"SIP/2.0 {status} Whatever\r\nVia: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1\r\nFrom: <sip:1@a>;tag=1\r\nTo: <sip:2@b>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n{headers}Content-Length: 0\r\n\r\n";
        return (SipResponse)SipParser.Default.Parse(Encoding.ASCII.GetBytes(text), SipFraming.Datagram).Message!;
    }
}
