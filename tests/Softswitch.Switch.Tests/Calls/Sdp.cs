using System.Text;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>Session descriptions the peers exchange; the switch relays them untouched.</summary>
internal static class Sdp
{
    public const string ContentType = "application/sdp";

    public static readonly byte[] CallerOffer = Body("caller", 40000);

    public static readonly byte[] VendorAnswer = Body("vendor", 50000);

    /// <summary>A vendor's offer in its 2xx to an INVITE that had none (late offer).</summary>
    public static readonly byte[] VendorOffer = Body("vendor-offer", 50002);

    /// <summary>The caller's answer to that offer, carried in its ACK.</summary>
    public static readonly byte[] CallerAnswer = Body("caller-answer", 40002);

    private static byte[] Body(string origin, int port) => Encoding.ASCII.GetBytes(
        $"v=0\r\no={origin} 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");
}
