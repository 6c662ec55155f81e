namespace Softswitch.Switch.Config;

/// <summary>An active phone's digest credentials (RFC 7616 H(A1) values; never the password).</summary>
public sealed record PhoneEntry(
    string Id, string TenantId, string AccountId, string Username, string Ha1Md5, string Ha1Sha256, int? MaxConcurrentCalls);
