namespace Softswitch.Domain;

public enum SubscriptionStatus
{
    Active,

    /// <summary>Ended: the package expired, does not renew, or a renewal could not be paid in lapse mode.</summary>
    Lapsed,

    /// <summary>A renewal could not be paid in suspend mode; the account was suspended with it.</summary>
    Suspended,

    Cancelled,
}
