namespace Softswitch.Domain;

/// <summary>What a dynamic-blacklist entry blocks.</summary>
public enum BlacklistSubject
{
    /// <summary>Calls from this calling number.</summary>
    Caller,

    /// <summary>Calls to this called number.</summary>
    Callee,

    /// <summary>Calls of this account (its id), over all its trunks and phones.</summary>
    Account,
}
