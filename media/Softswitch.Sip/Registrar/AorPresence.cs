namespace Softswitch.Sip.Registrar;

/// <summary>
/// An address-of-record went online (its first live binding) or offline (its last binding removed or expired).
/// A REGISTER that only refreshes or adds a contact of an AOR already online raises nothing.
/// </summary>
public readonly record struct AorPresence(string Domain, string User, bool Online, AorPresenceCause Cause, DateTimeOffset At);

public enum AorPresenceCause
{
    Registered,

    /// <summary>Removed by the phone itself: Expires 0 on its contacts, or <c>Contact: *</c>.</summary>
    Unregistered,

    /// <summary>The last binding outlived its expiry without a refresh; found by the store's expiry timer.</summary>
    Expired,
}
