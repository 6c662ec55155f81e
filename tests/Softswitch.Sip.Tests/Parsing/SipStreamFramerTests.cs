using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Tests.Builders;
using Xunit;

namespace Softswitch.Sip.Tests.Parsing;

public sealed class SipStreamFramerTests
{
    [Fact]
    public void Every_prefix_fed_byte_by_byte_reports_need_more_until_complete()
    {
        var bytes = CorpusMessage.Load("Valid", "ok-response").Bytes;
        using var framer = new SipStreamFramer();
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            framer.Append(bytes.AsSpan(i, 1));
            Assert.Equal(SipFrameKind.NeedMoreData, framer.Read().Kind);
        }

        framer.Append(bytes.AsSpan(bytes.Length - 1));
        var frame = framer.Read();
        Assert.Equal(SipFrameKind.Message, frame.Kind);
        Assert.Equal(200, ((SipResponse)frame.Message!).StatusCode);
        Assert.Equal(0, framer.Buffered);
    }

    [Fact]
    public void Pipelined_messages_come_out_one_by_one()
    {
        using var framer = new SipStreamFramer();
        framer.Append([.. Wire.Request(method: "MESSAGE", callId: "one", body: "first"), .. Wire.Request(callId: "two")]);
        var first = framer.Read();
        var second = framer.Read();
        Assert.Equal("one", first.Message!.CallId);
        Assert.Equal("two", second.Message!.CallId);
        Assert.Equal(SipFrameKind.NeedMoreData, framer.Read().Kind);
    }

    [Fact]
    public void Pipelined_messages_split_at_every_position_are_all_recovered()
    {
        byte[] stream = [.. Wire.Request(callId: "a", method: "MESSAGE", body: "xyz"), .. "\r\n\r\n"u8, .. Wire.Request(callId: "b")];
        for (var split = 1; split < stream.Length; split++)
        {
            using var framer = new SipStreamFramer();
            var callIds = new List<string>();
            foreach (var chunk in new[] { stream[..split], stream[split..] })
            {
                framer.Append(chunk);
                for (var frame = framer.Read(); frame.Kind != SipFrameKind.NeedMoreData; frame = framer.Read())
                {
                    if (frame.Kind == SipFrameKind.Message)
                    {
                        callIds.Add(frame.Message!.CallId);
                    }
                }
            }

            Assert.Equal(["a", "b"], callIds);
        }
    }

    [Fact]
    public void Crlf_keepalives_are_reported_and_skipped()
    {
        using var framer = new SipStreamFramer();
        framer.Append([.. "\r\n\r\n"u8, .. Wire.Request(callId: "after-ping")]);
        Assert.Equal(SipFrameKind.KeepAlivePing, framer.Read().Kind);
        Assert.Equal("after-ping", framer.Read().Message!.CallId);
        framer.Append("\r\n"u8);
        Assert.Equal(SipFrameKind.KeepAlivePong, framer.Read().Kind);
    }

    [Fact]
    public void Garbage_on_a_stream_is_fatal()
    {
        using var framer = new SipStreamFramer();
        framer.Append("GARBAGE WITHOUT STRUCTURE\r\n\r\n"u8);
        var frame = framer.Read();
        Assert.Equal(SipFrameKind.Invalid, frame.Kind);
        Assert.True(frame.IsFatal);
    }

    [Fact]
    public void Semantic_error_with_known_frame_end_lets_the_stream_continue()
    {
        using var framer = new SipStreamFramer();
        framer.Append([.. CorpusMessage.Load("Invalid", "missing-call-id").Bytes, .. Wire.Request(callId: "next")]);
        var bad = framer.Read();
        Assert.Equal(SipFrameKind.Invalid, bad.Kind);
        Assert.False(bad.IsFatal);
        Assert.Equal("Bad Request - Missing Call-ID", bad.Error!.ReasonPhrase);
        Assert.Equal("next", framer.Read().Message!.CallId);
    }

    [Fact]
    public void Large_message_grows_the_buffer()
    {
        using var framer = new SipStreamFramer(initialSize: 256);
        var bytes = Wire.Request(method: "MESSAGE", body: new string('b', 20_000));
        for (var offset = 0; offset < bytes.Length; offset += 1000)
        {
            framer.Append(bytes.AsSpan(offset, Math.Min(1000, bytes.Length - offset)));
        }

        Assert.Equal(20_000, framer.Read().Message!.Body.Length);
    }
}
