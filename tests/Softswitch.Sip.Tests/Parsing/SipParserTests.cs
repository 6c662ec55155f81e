using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Tests.Builders;
using Xunit;

namespace Softswitch.Sip.Tests.Parsing;

public sealed class SipParserTests
{
    private static SipMessage Parse(string name) =>
        SipParser.Default.Parse(CorpusMessage.Load("Valid", name).Bytes, SipFraming.Datagram).Message!;

    [Fact]
    public void Compact_header_names_are_expanded()
    {
        var message = Parse("compact-forms");
        Assert.Equal(
            ["Via", "Max-Forwards", "From", "To", "Call-ID", "CSeq", "Contact", "Supported", "Subject", "Content-Type", "Content-Encoding", "Content-Length"],
            message.Headers.Select(h => h.Name));
        Assert.Equal("TCP", message.TopVia.Transport);
        Assert.Equal("9fxced76sl", message.From.Tag);
        Assert.Equal("Alice", message.From.DisplayName);
        Assert.Equal(69, message.MaxForwards);
        Assert.Equal("3848276298220188511@atlanta.example.com", message.CallId);
    }

    [Fact]
    public void Header_names_are_case_insensitive_on_lookup()
    {
        var message = Parse("compact-forms");
        Assert.Equal("2 INVITE", message.Headers["CSEQ"]);
        Assert.Equal("100rel", message.Headers["supported"]);
        Assert.Equal("100rel", message.Headers["K"]);
    }

    [Fact]
    public void Folded_header_values_are_unfolded_to_single_spaces()
    {
        var message = Parse("folded-headers");
        Assert.Equal("I know you're there, pick up the phone and talk to me!", message.Headers[SipHeaderKind.Subject]);
        Assert.Equal("z9hG4bKkdjuw", message.TopVia.Branch);
        Assert.Equal("host1.example.com", message.TopVia.Host);
        Assert.Equal(5060, message.TopVia.Port);
    }

    [Fact]
    public void Via_lists_split_across_lines_and_commas()
    {
        var message = Parse("list-headers");
        var vias = message.Vias;
        Assert.Equal(3, vias.Count);
        Assert.Equal("proxy2.example.com", message.TopVia.Host);
        Assert.Equal("192.0.2.1", vias[1].Received);
        Assert.Equal(5070, vias[2].RPort);
    }

    [Fact]
    public void Commas_inside_quotes_and_angle_brackets_do_not_split_values()
    {
        var message = Parse("list-headers");
        var contacts = message.Contacts;
        Assert.Equal(2, contacts.Count);
        Assert.Equal("Doe, John", contacts[0].DisplayName);
        Assert.Equal("0.7", contacts[0].Parameters["q"]);
        Assert.Equal("Subject=a%2Cb", contacts[1].Uri.Headers);
        Assert.Equal(2, message.Routes.Count);
        Assert.True(message.Routes[1].Uri.IsLooseRouter);
        Assert.Equal("\"a,b\"", message.RecordRoutes[1].Uri.Parameters["foo"]);
    }

    [Fact]
    public void IPv6_references_are_parsed_in_uri_and_via()
    {
        var message = (SipRequest)Parse("ipv6");
        Assert.Equal("[2001:db8::10]", message.Uri.Host);
        Assert.Equal("2001:db8::10", message.Uri.HostAddress);
        Assert.Equal("[2001:db8::9:1]", message.TopVia.Host);
        Assert.Equal(5070, message.TopVia.Port);
        Assert.Equal("[2001:db8::9:255]", message.TopVia.Received);
        Assert.True(message.TopVia.HasRPort);
        Assert.Null(message.TopVia.RPort);
        Assert.Equal(5070, message.Contacts[0].Uri.Port);
        Assert.Equal("udp", message.Contacts[0].Uri.Transport);
    }

    [Fact]
    public void Parameters_without_values_are_flags()
    {
        var message = Parse("list-headers");
        Assert.True(message.Routes[0].Uri.Parameters.Contains("lr"));
        Assert.Null(message.Routes[0].Uri.Parameters["lr"]);
    }

    [Fact]
    public void Escaped_quotes_in_display_names_are_unescaped_and_requoted()
    {
        var message = Parse("escaped-display-name");
        Assert.Equal("Bob \"the\" Builder \\ Jr", message.To.DisplayName);
        Assert.Equal("Alice, \"Ally\"", message.From.DisplayName);
        Assert.Equal("\"Alice, \\\"Ally\\\"\" <sip:alice@example.com>;tag=esc", message.From.ToString());
        Assert.Equal("Hello, \"Bob\"!\r\n", Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public void Sip_uri_components_are_exposed()
    {
        var message = Parse("tel-uri");
        var from = message.From.Uri;
        Assert.Equal("sip", from.Scheme);
        Assert.Equal("+12015550100", from.User);
        Assert.Equal("secret", from.Password);
        Assert.Equal("gw.example.com", from.Host);
        Assert.Equal(5080, from.Port);
        Assert.Equal("phone", from.Parameters["user"]);
        Assert.Equal("sip:+12015550100:secret@gw.example.com:5080;user=phone", from.ToString());
    }

    [Fact]
    public void Tel_uris_carry_the_number_and_parameters()
    {
        var request = (SipRequest)Parse("tel-uri");
        Assert.Equal("tel", request.Uri.Scheme);
        Assert.Equal("+1-201-555-0123", request.Uri.User);
        Assert.Equal("example.com", request.Uri.Parameters["phone-context"]);
        Assert.Equal("tel:+1-201-555-0123", request.To.Uri.ToString());
    }

    [Fact]
    public void Unknown_headers_are_preserved_in_order()
    {
        var message = Parse("unknown-headers");
        Assert.Equal(["42", "43"], message.Headers.GetAll(SipHeaderKind.Other).Where((_, i) => true).Intersect(["42", "43"]));
        Assert.Equal("X-Carrier-Id", message.Headers.NameAt(1));
        Assert.Equal("value with  spaces ; and=params", message.Headers["p-custom-header"]);
        Assert.Equal("", message.Headers[SipHeaderKind.Subject]);
    }

    [Fact]
    public void Wildcard_contact_and_zero_expires_are_recognised()
    {
        var message = Parse("register-wildcard");
        Assert.True(message.Contacts[0].IsWildcard);
        Assert.Equal(0, message.Expires);
    }

    [Fact]
    public void Via_ttl_and_maddr_are_exposed()
    {
        var via = Parse("unusual-method").TopVia;
        Assert.Equal(16, via.Ttl);
        Assert.Equal("224.2.0.1", via.Maddr);
        Assert.Equal("NEWMETHOD", ((SipRequest)Parse("unusual-method")).Method);
    }

    [Fact]
    public void Datagram_bytes_beyond_content_length_are_discarded()
    {
        var bytes = Wire.Request(method: "MESSAGE", body: "hello").Concat("garbage"u8.ToArray()).ToArray();
        var result = SipParser.Default.Parse(bytes, SipFraming.Datagram);
        Assert.Equal(SipParseStatus.Complete, result.Status);
        Assert.Equal("hello", Encoding.UTF8.GetString(result.Message!.Body.Span));
    }

    [Fact]
    public void Datagram_without_content_length_takes_the_rest_as_body()
    {
        var text = Encoding.UTF8.GetString(Wire.Request(method: "MESSAGE", body: "hi")).Replace("Content-Length: 2\r\n", "", StringComparison.Ordinal);
        var result = SipParser.Default.Parse(Encoding.UTF8.GetBytes(text), SipFraming.Datagram);
        Assert.Equal("hi", Encoding.UTF8.GetString(result.Message!.Body.Span));
    }

    [Fact]
    public void Stream_message_without_content_length_is_rejected_and_fatal()
    {
        var text = Encoding.UTF8.GetString(Wire.Request()).Replace("Content-Length: 0\r\n", "", StringComparison.Ordinal);
        var result = SipParser.Default.Parse(Encoding.UTF8.GetBytes(text), SipFraming.Stream);
        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal("Bad Request - Missing Content-Length", result.Error!.ReasonPhrase);
        Assert.Equal(0, result.Consumed);
        Assert.NotNull(result.Message);
    }

    [Fact]
    public void Message_larger_than_the_limit_is_rejected_before_parsing()
    {
        var parser = new SipParser(new SipParserOptions { MaxMessageSize = 1024 });
        var result = parser.Parse(Wire.Request(method: "MESSAGE", body: new string('x', 2000)), SipFraming.Datagram);
        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal(513, result.Error!.StatusCode);
    }

    [Fact]
    public void Stream_headers_without_end_beyond_the_limit_are_rejected()
    {
        var parser = new SipParser(new SipParserOptions { MaxMessageSize = 1024 });
        var endless = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\n" + string.Concat(Enumerable.Repeat("X-Pad: 0123456789\r\n", 100)));
        var result = parser.Parse(endless, SipFraming.Stream);
        Assert.Equal(SipParseErrorKind.LimitExceeded, result.Error!.Kind);
    }

    [Fact]
    public void Too_many_headers_are_rejected()
    {
        var parser = new SipParser(new SipParserOptions { MaxHeaderCount = 10 });
        var result = parser.Parse(Wire.Request(extraHeaders: string.Concat(Enumerable.Repeat("X-A: 1\n", 10))), SipFraming.Datagram);
        Assert.Equal("Message Too Large - More than 10 header lines", result.Error!.ReasonPhrase);
    }

    [Fact]
    public void Overlong_header_line_is_rejected_even_while_incomplete()
    {
        var parser = new SipParser(new SipParserOptions { MaxLineLength = 100 });
        var partial = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\nSubject: " + new string('x', 200));
        Assert.Equal(SipParseErrorKind.LimitExceeded, parser.Parse(partial, SipFraming.Stream).Error!.Kind);
    }

    [Fact]
    public void Every_prefix_of_a_message_needs_more_data()
    {
        var bytes = CorpusMessage.Load("Valid", "invite-with-sdp").Bytes;
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = SipParser.Default.Parse(bytes.AsSpan(0, length), SipFraming.Stream);
            Assert.True(result.Status == SipParseStatus.NeedMoreData, $"prefix {length}: {result.Status} {result.Error}");
            Assert.Equal(0, result.Consumed);
        }

        Assert.Equal(SipParseStatus.Complete, SipParser.Default.Parse(bytes, SipFraming.Stream).Status);
    }

    [Fact]
    public void Malformed_request_keeps_headers_for_a_400_response()
    {
        var result = SipParser.Default.Parse(CorpusMessage.Load("Invalid", "missing-cseq").Bytes, SipFraming.Datagram);
        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal("x@y", result.Message!.CallId);
        Assert.Equal("z9hG4bKbad", result.Message.TopVia.Branch);
    }
}
