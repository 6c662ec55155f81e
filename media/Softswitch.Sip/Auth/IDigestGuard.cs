namespace Softswitch.Sip.Auth;

/// <summary>
/// Watches digest outcomes for the anti-fraud layer (implemented by the switch): failures are counted per source
/// address and per user, and a user it has locked verifies exactly like an unknown one, so a password guesser cannot
/// tell a locked account from a missing one.
/// </summary>
public interface IDigestGuard
{
    /// <summary>True while <paramref name="username"/> of <paramref name="realm"/> is suspended.</summary>
    bool IsLocked(string realm, string username);

    /// <summary>Called once per verification of <paramref name="request"/>, with its verdict.</summary>
    void OnVerified(SipRequest request, string realm, string? username, DigestVerdict verdict);
}
