using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Parsing;

/// <summary>
/// Each file of <c>Corpus/Fuzz</c> once made the ingress throw (tests/fuzz/run.sh). Every one must now be taken or
/// refused, and what the transport reads next (the typed Via, the reply to a refused request) must not throw.
/// </summary>
public sealed class FuzzFindingTests
{
    private static readonly SipEndPoint Source = SipEndPoint.Udp(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5062));

    public static TheoryData<string> Findings => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "Fuzz"), "*.sip").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_fuzz_finding_is_taken_or_refused_without_throwing(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", "Fuzz", file));

        foreach (var framing in new[] { SipFraming.Datagram, SipFraming.Stream })
        {
            var result = SipParser.Default.Parse(bytes, framing);
            var error = result.Error ?? (result.Message is { } parsed ? SipMessageValidator.Validate(parsed) : null);
            if (result.Message is not SipRequest request)
            {
                continue;
            }

            if (error is null || SipMessageValidator.CanRespond(request))
            {
                ViaProcessing.StampSource(request, Source);
                _ = SipResponse.CreateFor(request, error?.StatusCode ?? 200);
            }
        }
    }

    [Fact]
    public void A_form_feed_before_the_via_value_is_a_malformed_via_not_an_exception()
    {
        // Not through Wire.Bytes: ReplaceLineEndings counts a form feed as a line end.
        var bytes = System.Text.Encoding.ASCII.GetBytes(string.Join("\r\n",
            "BYE sip:bob@4 SIP/2.0", "Via:\fSIP/2.0/TCP d", "Max-Forwards: 70", "From: <sip:e@example.com>;tag=a",
            "To: <sip:bob@example.com>;tag=b", "Call-ID: om", "CSeq: 2 BYE", "Content-Length: 0", "", ""));

        var message = SipParser.Default.Parse(bytes, SipFraming.Datagram).Message!;

        Assert.Equal("400 Bad Request - Malformed Via", SipMessageValidator.Validate(message)?.ToString());
        Assert.False(SipMessageValidator.CanRespond(message));
    }
}
