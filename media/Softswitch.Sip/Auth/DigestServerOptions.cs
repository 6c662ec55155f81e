namespace Softswitch.Sip.Auth;

public sealed record DigestServerOptions
{
    /// <summary>HMAC key for nonces; at least 32 random bytes, shared by every node that verifies them.</summary>
    public required byte[] Secret { get; init; }

    /// <summary>How long a nonce is accepted before the client gets <c>stale=true</c> (RFC 7616 §3.3).</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound on nonces whose last nonce-count is remembered for replay protection.</summary>
    public int MaxTrackedNonces { get; init; } = 100_000;

    /// <summary>
    /// Most of those one realm (one tenant's SIP domain) may hold, so one tenant's phones cannot crowd every other
    /// tenant out of the table. 10,000 live nonces is 10,000 phones authenticating within one nonce lifetime.
    /// </summary>
    public int MaxTrackedNoncesPerRealm { get; init; } = 10_000;

    /// <summary>
    /// The challenges offered, in order. RFC 8760 §2.4 puts SHA-256 first; a fleet of MD5-only phones that read
    /// only the first challenge (SIPp 3.6 among them) needs MD5 first.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>Counts failures and locks users (the switch's anti-fraud layer); null when nothing watches.</summary>
    public IDigestGuard? Guard { get; init; }
}
