namespace Softswitch.Domain;

/// <summary>A SIP endpoint that registers with digest credentials in its tenant's realm (<see cref="Tenant.SipDomain"/>).</summary>
public class Phone : TenantEntity
{
    public const int UsernameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;

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

    /// <summary>Sets both hashes from a plain password for the given realm.</summary>
    public void SetPassword(string realm, string password)
    {
        Ha1Md5 = DigestHa1.Md5(Username, realm, password);
        Ha1Sha256 = DigestHa1.Sha256(Username, realm, password);
    }
}
