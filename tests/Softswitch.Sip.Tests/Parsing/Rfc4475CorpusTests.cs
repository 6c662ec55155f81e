using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Xunit;

namespace Softswitch.Sip.Tests.Parsing;

/// <summary>Every message of RFC 4475 §3 is parsed and validated as the RFC says, as a datagram and from a stream.</summary>
public sealed class Rfc4475CorpusTests
{
    public static TheoryData<string> Names => new(Rfc4475Case.All.Select(c => c.Name));

    public static TheoryData<string> RefusedNames => new(Rfc4475Case.All.Where(c => c.Datagram != Rfc4475Case.Valid).Select(c => c.Name));

    [Fact]
    public void The_corpus_holds_all_49_messages_of_section_3()
    {
        Assert.Equal(49, Rfc4475Case.All.Count);
        Assert.Equal(49, Rfc4475Case.All.Select(c => c.Section).Distinct().Count());
        Assert.All(Rfc4475Case.All, c => Assert.NotEmpty(c.Bytes));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_datagram_is_accepted_or_refused_as_the_rfc_says(string name)
    {
        var torture = Rfc4475Case.Named(name);

        var outcome = Outcome(SipParser.Default.Parse(torture.Bytes, SipFraming.Datagram));

        Assert.True(torture.Datagram == outcome.Expectation, $"{torture}: expected {torture.Datagram}, got {outcome.Detail}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_stream_frame_is_accepted_or_refused_as_the_rfc_says(string name)
    {
        var torture = Rfc4475Case.Named(name);

        var outcome = Outcome(SipParser.Default.Parse(torture.Bytes, SipFraming.Stream));

        Assert.True(torture.Stream == outcome.Expectation, $"{torture}: expected {torture.Stream}, got {outcome.Detail}");
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void A_refused_datagram_keeps_what_routing_its_answer_takes_exactly_when_the_rfc_wants_one(string name)
    {
        var torture = Rfc4475Case.Named(name);
        var result = SipParser.Default.Parse(torture.Bytes, SipFraming.Datagram);

        var answerable = result.Message is { } message && SipMessageValidator.CanRespond(message);

        Assert.True(answerable == (torture.Udp != Rfc4475Case.NoAnswer), $"{torture}: answerable {answerable}, expected answer {torture.Udp}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_prefix_of_a_stream_frame_waits_for_more_bytes_without_consuming_any(string name)
    {
        var bytes = Rfc4475Case.Named(name).Bytes;
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);

        for (var length = 0; length < headerEnd + 4; length++)
        {
            var result = SipParser.Default.Parse(bytes.AsSpan(0, length), SipFraming.Stream);
            Assert.Equal((SipParseStatus.NeedMoreData, 0), (result.Status, result.Consumed));
        }
    }

    private static (string Expectation, string Detail) Outcome(SipParseResult result)
    {
        switch (result.Status)
        {
            case SipParseStatus.NeedMoreData:
                return (Rfc4475Case.NeedMoreData, "need more data");
            case SipParseStatus.Invalid:
                return (result.Error!.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error.ToString());
        }

        var error = SipMessageValidator.Validate(result.Message!);
        if (error is not null)
        {
            return (error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ToString());
        }

        ReadTypedHeaders(result.Message!);
        return (Rfc4475Case.Valid, "valid");
    }

    /// <summary>A valid message's typed headers must be readable: the transaction layer and the switch read them.</summary>
    private static void ReadTypedHeaders(SipMessage message)
    {
        _ = message.TopVia.Branch;
        _ = message.Vias;
        _ = message.From.Tag;
        _ = message.To.Tag;
        _ = message.CSeq;
        _ = message.CallId;
    }
}
