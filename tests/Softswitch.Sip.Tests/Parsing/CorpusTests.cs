using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Serialization;
using Xunit;

namespace Softswitch.Sip.Tests.Parsing;

public sealed class CorpusTests
{
    public static TheoryData<string> ValidNames => new(CorpusMessage.Names("Valid"));

    public static TheoryData<string> InvalidNames => new(CorpusMessage.Names("Invalid"));

    [Fact]
    public void Corpus_files_are_present()
    {
        Assert.True(CorpusMessage.Names("Valid").Count() >= 10);
        Assert.True(CorpusMessage.Names("Invalid").Count() >= 15);
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Valid_corpus_message_parses_as_datagram_and_as_stream(string name)
    {
        var corpus = CorpusMessage.Load("Valid", name);
        foreach (var framing in new[] { SipFraming.Datagram, SipFraming.Stream })
        {
            var result = SipParser.Default.Parse(corpus.Bytes, framing);
            Assert.True(result.Status == SipParseStatus.Complete, $"{framing}: {result.Error}");
            Assert.Equal(corpus.Bytes.Length, result.Consumed);
            Assert.Null(SipMessageValidator.Validate(result.Message!));
        }
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Valid_corpus_message_typed_headers_are_readable(string name)
    {
        var message = SipParser.Default.Parse(CorpusMessage.Load("Valid", name).Bytes, SipFraming.Datagram).Message!;
        Assert.NotNull(message.TopVia.Branch);
        Assert.NotEmpty(message.CallId);
        Assert.NotNull(message.From.Uri);
        Assert.NotNull(message.To.Uri);
        Assert.NotNull(message.CSeq.Method);
        _ = message.Contacts;
        _ = message.Routes;
        _ = message.RecordRoutes;
        _ = message.Vias;
        if (message is SipRequest request)
        {
            Assert.Equal(request.Method, request.CSeq.Method);
            Assert.NotNull(request.Uri.Scheme);
        }
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Valid_corpus_message_survives_serialize_and_reparse(string name)
    {
        var first = SipParser.Default.Parse(CorpusMessage.Load("Valid", name).Bytes, SipFraming.Stream).Message!;
        var bytes = SipSerializer.ToArray(first);
        var second = SipParser.Default.Parse(bytes, SipFraming.Stream);
        Assert.Equal(SipParseStatus.Complete, second.Status);
        Assert.Equal(bytes.Length, second.Consumed);
        Assert.Equal(first.Headers.Select(h => (h.Name, h.Value)), second.Message!.Headers.Select(h => (h.Name, h.Value)));
        Assert.Equal(first.Body.ToArray(), second.Message.Body.ToArray());
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Invalid_corpus_message_is_rejected_with_the_expected_reason(string name)
    {
        var corpus = CorpusMessage.Load("Invalid", name);
        var result = SipParser.Default.Parse(corpus.Bytes, SipFraming.Datagram);
        var error = result.Status == SipParseStatus.Invalid ? result.Error : SipMessageValidator.Validate(result.Message!);
        Assert.NotNull(error);
        Assert.Equal(corpus.ExpectedError, error.ToString());
    }
}
