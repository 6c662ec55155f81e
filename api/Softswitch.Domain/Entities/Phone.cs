namespace Softswitch.Domain;

/// <summary>A SIP endpoint that registers with digest credentials in its tenant's realm (<see cref="Tenant.SipDomain"/>).</summary>
public class Phone : TenantEntity
{
    public const int UsernameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;
    public const int NumberMaxLength = 32;

    public string AccountId { get; set; } = "";

    /// <summary>Digest username, unique within the tenant; case-sensitive like the SIP user part.</summary>
    public string Username { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>RFC 7616 H(A1) with MD5, lowercase hex (see <see cref="DigestHa1.Md5"/>). The password itself is never stored.</summary>
    public string Ha1Md5 { get; set; } = "";

    /// <summary>RFC 7616 H(A1) with SHA-256, lowercase hex (see <see cref="DigestHa1.Sha256"/>).</summary>
    public string Ha1Sha256 { get; set; } = "";

    public PhoneStatus Status { get; set; }

    public int? MaxConcurrentCalls { get; set; }

    /// <summary>
    /// The tenant's number plan entry for this phone: a call whose callee (after the trunk's rewrite rules) is exactly
    /// this number rings the phone's registered contacts instead of going to a route. Unique within the tenant.
    /// </summary>
    public string? Number { get; set; }

    /// <summary>
    /// VOS3000's "offline phone redirect to gateway": where a call to this phone goes while it has no live
    /// registration. Null answers such a call 480 Temporarily Unavailable.
    /// </summary>
    public string? OfflineRedirectGatewayId { get; set; }

    /// <summary>How a call to this phone rings its registered contacts: one after another, or all at once.</summary>
    public ForkMode ForkMode { get; set; }

    /// <summary>
    /// VOS3000's phone line count: calls to this phone (ringing or answered) at once; past it a new call gets 486 Busy
    /// Here. Null is unlimited. Calls the phone makes count against <see cref="MaxConcurrentCalls"/> instead.
    /// </summary>
    public int? MaxIncomingCalls { get; set; }

    /// <summary>Sets both hashes from a plain password for the given realm.</summary>
    public void SetPassword(string realm, string password)
    {
        Ha1Md5 = DigestHa1.Md5(Username, realm, password);
        Ha1Sha256 = DigestHa1.Sha256(Username, realm, password);
    }
}
