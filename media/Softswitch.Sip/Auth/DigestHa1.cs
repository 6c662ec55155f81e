namespace Softswitch.Sip.Auth;

/// <summary>
/// The stored secrets of one user: HA1 = H(username:realm:password) per algorithm (RFC 7616 §3.4.2).
/// Plain passwords are never stored.
/// </summary>
public sealed record DigestHa1(string Md5, string Sha256)
{
    public static DigestHa1 FromPassword(string user, string realm, string password) => new(
        DigestComputation.Ha1(DigestAlgorithm.Md5, user, realm, password),
        DigestComputation.Ha1(DigestAlgorithm.Sha256, user, realm, password));

    public string For(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Md5 ? Md5 : Sha256;
}
