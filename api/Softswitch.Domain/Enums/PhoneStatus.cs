namespace Softswitch.Domain;

public enum PhoneStatus
{
    Active,
    Disabled,

    /// <summary>Set by the switch after too many failed authentications (VOS SS_CALLAUTH_INVALID_COUNT); an update to active reactivates it.</summary>
    Suspended,
}
