namespace Softswitch.Switch.Config;

/// <summary>An active phone's digest credentials (RFC 7616 H(A1) values; never the password) and how calls reach it.</summary>
public sealed record PhoneEntry(
    string Id, string TenantId, string AccountId, string Username, string Ha1Md5, string Ha1Sha256, int? MaxConcurrentCalls)
{
    /// <summary>The callee number that rings the phone (its tenant's number plan entry), or null.</summary>
    public string? Number { get; init; }

    /// <summary>The routing gateway a call to the phone goes to while it has no live registration; null answers 480.</summary>
    public string? OfflineRedirectGatewayId { get; init; }

    /// <summary>Whether a call rings the phone's contacts one after another or all at once.</summary>
    public Domain.ForkMode ForkMode { get; init; }

    /// <summary>Calls to the phone at once (VOS3000 phone line count); null is unlimited.</summary>
    public int? MaxIncomingCalls { get; init; }

    /// <summary>The entry for a usable row (its username already checked).</summary>
    public static PhoneEntry Of(Domain.Phone phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return new PhoneEntry(phone.Id, phone.TenantId, phone.AccountId, phone.Username, phone.Ha1Md5, phone.Ha1Sha256, phone.MaxConcurrentCalls)
        {
            Number = string.IsNullOrEmpty(phone.Number) ? null : phone.Number,
            OfflineRedirectGatewayId = phone.OfflineRedirectGatewayId,
            ForkMode = phone.ForkMode,
            MaxIncomingCalls = phone.MaxIncomingCalls,
        };
    }
}
