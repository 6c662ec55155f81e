using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Serialization;
using Xunit;

namespace Softswitch.Sip.Tests.Messages;

/// <summary>RFC 3261 §25.1 quoted-string: what a display name may hold survives being written out and read back.</summary>
public sealed class QuotedStringTests
{
    [Fact]
    public void A_display_name_with_control_characters_is_written_with_quoted_pairs_and_reads_back_the_same()
    {
        // RFC 4475 §3.1.1.2: "BEL:\<07> NUL:\<00> DEL:\<7F>".
        var address = new SipNameAddress { DisplayName = "BEL:\a NUL:\0 DEL:\u007f \"q\" \\", Uri = SipUri.Parse("sip:a@example.com") };

        var written = address.ToString();

        Assert.Equal("\"BEL:\\\a NUL:\\\0 DEL:\\\u007f \\\"q\\\" \\\\\" <sip:a@example.com>", written);
        Assert.Equal(address.DisplayName, SipNameAddress.Parse(written).DisplayName);
    }

    [Fact]
    public void A_response_to_a_request_with_a_nul_in_its_to_display_name_parses()
    {
        var request = (SipRequest)SipParser.Default.Parse(Builders.Wire.Bytes(
            "OPTIONS sip:a@example.com SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKq1\nTo: \"N\\\0L\" <sip:a@example.com>\n"
            + "From: <sip:b@example.com>;tag=1\nCall-ID: q1\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n"), SipFraming.Datagram).Message!;

        var response = SipResponse.CreateFor(request, 200, toTag: "t1");
        var reparsed = SipParser.Default.Parse(SipSerializer.ToArray(response), SipFraming.Datagram);

        Assert.Equal(SipParseStatus.Complete, reparsed.Status);
        Assert.Equal("N\0L", reparsed.Message!.To.DisplayName);
    }
}
