namespace Softswitch.Sip.Registrar;

/// <summary>What <see cref="SipBindingStore.Apply"/> did with one REGISTER.</summary>
public enum BindingChange
{
    Applied,

    /// <summary>Older than the stored binding of the same Call-ID (RFC 3261 §10.3 step 7): nothing changed.</summary>
    OutOfOrder,

    /// <summary>The AOR would hold more contacts than allowed: nothing changed.</summary>
    TooManyContacts,
}
