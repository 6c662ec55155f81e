using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Serialization;

namespace Softswitch.Benchmarks;

/// <summary>
/// Parse and serialize cost of the two messages every call carries: an INVITE with SDP and its 200 OK. The goal is
/// 1M INVITE parses per second per core, so operations per second are reported next to the time and allocations.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private const string Sdp =
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.101\r\ns=-\r\nc=IN IP4 192.0.2.101\r\nt=0 0\r\n" +
        "m=audio 49172 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\n";

    private static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:+15551234567@gw.example.com;user=phone SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:+15551234567@gw.example.com;user=phone>\r\n" +
        "From: \"Alice\" <sip:+15557654321@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@192.0.2.101:5060>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE\r\n" +
        "Supported: timer, 100rel\r\n" +
        "User-Agent: Softswitch-Bench/1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n\r\n" + Sdp);

    private static readonly byte[] Ok = Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.101\r\n" +
        "Record-Route: <sip:192.0.2.1;lr>\r\n" +
        "To: <sip:+15551234567@gw.example.com;user=phone>;tag=a6c85cf\r\n" +
        "From: \"Alice\" <sip:+15557654321@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:gw@192.0.2.4>\r\n" +
        "Content-Length: 0\r\n\r\n");

    private readonly ArrayBufferWriter<byte> _writer = new(4096);
    private SipMessage _invite = null!;
    private SipMessage _ok = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = SipParser.Default.Parse(Invite, SipFraming.Datagram).Message!;
        _ok = SipParser.Default.Parse(Ok, SipFraming.Datagram).Message!;
    }

    [Benchmark(Baseline = true)]
    public SipMessage? ParseInvite() => SipParser.Default.Parse(Invite, SipFraming.Datagram).Message;

    [Benchmark]
    public SipMessage? ParseOk() => SipParser.Default.Parse(Ok, SipFraming.Datagram).Message;

    /// <summary>What a transaction layer reads from every request: top Via, From/To tags, Call-ID, CSeq.</summary>
    [Benchmark]
    public string? ParseInviteAndReadTransactionHeaders()
    {
        var message = SipParser.Default.Parse(Invite, SipFraming.Datagram).Message!;
        return message.TopVia.Branch ?? message.From.Tag ?? message.To.Tag ?? message.CallId + message.CSeq.Method;
    }

    [Benchmark]
    public int SerializeInvite()
    {
        _writer.ResetWrittenCount();
        SipSerializer.Write(_invite, _writer);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public int SerializeOk()
    {
        _writer.ResetWrittenCount();
        SipSerializer.Write(_ok, _writer);
        return _writer.WrittenCount;
    }

    /// <summary>Adds operations per second, and Min and Median, which other processes on a shared machine skew least.</summary>
}
