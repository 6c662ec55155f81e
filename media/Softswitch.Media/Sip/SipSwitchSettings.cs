using System.ComponentModel.DataAnnotations;

namespace Softswitch.Media.Sip;

/// <summary>The <c>Softswitch:Sip</c> configuration section (environment: <c>Softswitch__Sip__Port</c> and so on).</summary>
public sealed class SipSwitchSettings
{
    public const string Section = "Softswitch:Sip";

    /// <summary>Address the UDP and TCP listeners bind; 0.0.0.0 listens on every IPv4 interface.</summary>
    [Required]
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>UDP and TCP port; 0 picks a free one (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>The address put in Via and Contact when listening on 0.0.0.0 (e.g. the public IP behind a 1:1 NAT).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>RFC 3261 T1 in milliseconds; interop tests shorten it so timeouts come quickly.</summary>
    [Range(50, 5000)]
    public int T1Milliseconds { get; set; } = 500;

    /// <summary>How long a vendor may ring when its gateway sets no no-answer timeout.</summary>
    [Range(1, 600)]
    public int NoAnswerTimeoutSeconds { get; set; } = 60;

    /// <summary>RFC 3261 §16.6 Timer C: how long a registered phone's contact may ring (restarted by each 18x) before the next one is tried.</summary>
    [Range(1, 3_600)]
    public int PhoneTimerCSeconds { get; set; } = 180;

    /// <summary>The shortest registration a phone may ask for; shorter gets 423 (see <c>SipRegistrarOptions.MinExpires</c>).</summary>
    [Range(1, 3_600)]
    public int RegisterMinExpiresSeconds { get; set; } = 60;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Calls up at once before new ones get 503 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int MaxActiveCalls { get; set; } = 20_000;

    /// <summary>RFC 4028 session interval the switch asks vendors for.</summary>
    [Range(90, 86_400)]
    public int SessionExpiresSeconds { get; set; } = 1800;

    /// <summary>
    /// Key that signs digest nonces (at least 32 bytes, base64). Unset: a random key per start, so nonces from
    /// before a restart come back stale and phones simply authenticate again. Set it when several switch
    /// processes share phones.
    /// </summary>
    public string? DigestSecret { get; set; }

    /// <summary>
    /// Digest challenges offered to phones, in order. MD5 comes first by default, against RFC 8760 §2.4's SHOULD:
    /// phones that read only the first challenge and know only MD5 (SIPp 3.6 and baresip 1.0 among them) fail on
    /// SHA-256 first, while clients that know SHA-256 still pick it from the second challenge (RFC 7616 §3.7).
    /// Set <c>SHA-256,MD5</c> for a fleet that handles it, or <c>MD5</c> alone for libre-based phones (baresip 1.0),
    /// which fail on any challenge whose algorithm they lack.
    /// </summary>
    [RegularExpression("^(SHA-256|MD5)(,(SHA-256|MD5))?$")]
    public string DigestAlgorithms { get; set; } = "MD5,SHA-256";

    /// <summary>TCP connections open at once (see <c>SipTransportOptions.MaxTcpConnections</c> for the default's reasoning).</summary>
    [Range(1, 1_000_000)]
    public int TcpMaxConnections { get; set; } = 8_192;

    /// <summary>TCP connections from one source address.</summary>
    [Range(1, 1_000_000)]
    public int TcpMaxConnectionsPerSource { get; set; } = 256;

    /// <summary>Live server transactions one source address may hold (see <c>SipTransactionOptions.MaxServerTransactionsPerSource</c>).</summary>
    [Range(1, 10_000_000)]
    public int MaxServerTransactionsPerSource { get; set; } = 250_000;

    /// <summary>Live contacts one address-of-record may register (see <c>SipRegistrarOptions.MaxContactsPerAor</c>).</summary>
    [Range(1, 1_000)]
    public int MaxContactsPerAor { get; set; } = 10;

    /// <summary>Nonces one tenant's SIP domain may hold in the digest replay table (see <c>DigestServerOptions.MaxTrackedNoncesPerRealm</c>).</summary>
    [Range(1, 1_000_000)]
    public int MaxTrackedNoncesPerRealm { get; set; } = 10_000;

    /// <summary>A TCP connection silent this long is closed (RFC 5626 keep-alives come every 95–120 s).</summary>
    [Range(1, 86_400)]
    public int TcpIdleTimeoutSeconds { get; set; } = 300;

    /// <summary>A started message must arrive whole within this time, or its TCP connection is closed.</summary>
    [Range(1, 600)]
    public int TcpMessageReadTimeoutSeconds { get; set; } = 10;

    /// <summary>UDP receive loops on the SIP port (SO_REUSEPORT sockets, Linux); 0 means one per core.</summary>
    [Range(0, 64)]
    public int UdpReceivers { get; set; }

    /// <summary>SO_RCVBUF / SO_SNDBUF of each UDP socket; the kernel caps it at net.core.rmem_max / wmem_max.</summary>
    [Range(65_536, 268_435_456)]
    public int UdpSocketBufferBytes { get; set; } = 4 * 1024 * 1024;
}
