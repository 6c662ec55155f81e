using System.Text;

namespace Softswitch.Sip.Tests.Builders;

/// <summary>Turns readable LF-separated text into SIP wire bytes (CRLF line ends).</summary>
public static class Wire
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static string Text(string text) => text.ReplaceLineEndings("\r\n");

    /// <summary>A minimal valid request with a body; the Content-Length is computed.</summary>
    public static byte[] Request(string method = "OPTIONS", string callId = "call-1@example.com", string body = "", string branch = "z9hG4bKtest1", string extraHeaders = "")
    {
        var bodyBytes = Encoding.UTF8.GetByteCount(body);
        return Bytes($"""
            {method} sip:bob@example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.1:5060;branch={branch}
            Max-Forwards: 70
            From: <sip:alice@example.com>;tag=a1
            To: <sip:bob@example.com>
            Call-ID: {callId}
            CSeq: 1 {method}
            {extraHeaders}Content-Length: {bodyBytes}


            """ + body);
    }
}
