using CsCheck;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Serialization;
using Xunit;

namespace Softswitch.Sip.Tests.Serialization;

public sealed class RoundTripPropertyTests
{
    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"], 1, 12];
    private static readonly Gen<string> Host = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 10].Select(h => h + ".example.com"),
        Gen.Int[1, 254].Select(i => $"192.0.2.{i}"),
        Gen.Int[1, 0xffff].Select(i => $"[2001:db8::{i:x}]"));

    private static readonly Gen<SipParameters> UriParameters = ParameterList(Gen.OneOf(Gen.Const((string?)null), Token.Select(t => (string?)t)));

    /// <summary>Header parameters may also carry quoted strings with commas and spaces.</summary>
    private static readonly Gen<SipParameters> HeaderParameters = ParameterList(
        Gen.OneOf(Gen.Const((string?)null), Token.Select(t => (string?)t), Token.Select(t => (string?)$"\"{t} x,y\"")));

    private static readonly Gen<SipUri> Uri = Gen.Select(Gen.Bool, Token, Host, Gen.Int[0, 65535], Gen.Bool)
        .Select((sips, user, host, port, hasPort) => new SipUri
        {
            Scheme = sips ? SipUri.SipsScheme : SipUri.SipScheme, User = user, Host = host, Port = hasPort ? port : null,
        })
        .SelectMany(uri => UriParameters.Select(p => uri with { Parameters = p }));

    private static readonly Gen<SipNameAddress> Address = Gen.Select(
            Uri, Gen.OneOf(Gen.Const((string?)null), Gen.String[Gen.Char[" abc,\"\\;<>xyz"], 1, 10].Select(s => (string?)s.Trim())), Token)
        .Select((uri, display, tag) => new SipNameAddress { Uri = uri, DisplayName = string.IsNullOrEmpty(display) ? null : display }.WithTag(tag))
        .SelectMany(address => HeaderParameters.Select(p => address with { Parameters = SipParameters.From(address.Parameters.Concat(p.Without("tag"))) }));

    private static readonly Gen<SipVia> Via = Gen.Select(Gen.OneOf(Gen.Const("UDP"), Gen.Const("TCP")), Host, Gen.Int[1, 65535], Token, Gen.Bool)
        .Select((transport, host, port, branch, rport) =>
        {
            var via = new SipVia { Transport = transport, Host = host, Port = port }.WithParameter("branch", SipVia.MagicCookie + branch);
            return rport ? via.WithParameter("rport", null) : via;
        });

    private static readonly Gen<(string Name, string Value)> ExtraHeader = Gen.Select(
        Token.Select(t => "X-" + t),
        Gen.String[Gen.Char["abc xyz;=,\"<>:/@"], 0, 30].Select(v => v.Trim()));

    private static readonly Gen<SipMessage> Message = Gen.Select(
            Gen.Bool, Gen.OneOf(Gen.Const(SipMethods.Invite), Gen.Const(SipMethods.Options), Gen.Const(SipMethods.Bye), Gen.Const("FOO")), Uri, Address, Address,
            Via.List[1, 3], ExtraHeader.List[0, 5], Gen.Byte.Array[0, 300])
        .Select((isRequest, method, uri, from, to, vias, extras, body) =>
        {
            SipMessage message = isRequest ? new SipRequest(method, uri) : new SipResponse(200 + (body.Length % 400));
            foreach (var via in vias)
            {
                message.Headers.Add(SipHeaderKind.Via, via.ToString());
            }

            message.From = from;
            message.To = to;
            message.CallId = "c" + body.Length + "@" + uri.Host;
            message.CSeq = new SipCSeq((uint)body.Length, method);
            foreach (var (name, value) in extras)
            {
                message.Headers.Add(name, value);
            }

            message.Body = body;
            return message;
        });

    private static Gen<SipParameters> ParameterList(Gen<string?> values) =>
        Gen.Select(Token, values).Select((n, v) => new SipParameter(n, v)).List[0, 3]
            .Select(list => SipParameters.From(list.DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)));

    [Fact]
    public void Serialized_messages_parse_back_to_the_same_headers_and_body()
    {
        Message.Sample(message =>
        {
            var bytes = SipSerializer.ToArray(message);
            var result = SipParser.Default.Parse(bytes, SipFraming.Stream);
            Assert.True(result.Status == SipParseStatus.Complete, result.Error?.ToString());
            Assert.Equal(bytes.Length, result.Consumed);
            var parsed = result.Message!;
            Assert.Null(SipMessageValidator.Validate(parsed));
            Assert.Equal(message.From.ToString(), parsed.From.ToString());
            Assert.Equal(message.To.ToString(), parsed.To.ToString());
            Assert.Equal(message.Vias.Select(v => v.ToString()), parsed.Vias.Select(v => v.ToString()));
            Assert.Equal(message.CSeq, parsed.CSeq);
            Assert.Equal(message.Body.ToArray(), parsed.Body.ToArray());
            Assert.Equal(
                message.Headers.Select(h => (h.Name, h.Value)).Append(("Content-Length", message.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                parsed.Headers.Select(h => (h.Name, h.Value)));
            if (message is SipRequest request)
            {
                Assert.Equal(request.Uri.ToString(), ((SipRequest)parsed).Uri.ToString());
            }
        }, iter: 300);
    }

    [Fact]
    public void Parsed_messages_serialize_back_to_identical_bytes()
    {
        Message.Sample(message =>
        {
            var bytes = SipSerializer.ToArray(message);
            var reparsed = SipParser.Default.Parse(bytes, SipFraming.Datagram).Message!;
            Assert.Equal(bytes, SipSerializer.ToArray(reparsed));
        }, iter: 300);
    }
}
