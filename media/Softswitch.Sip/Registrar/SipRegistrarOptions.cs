namespace Softswitch.Sip.Registrar;

public sealed record SipRegistrarOptions
{
    /// <summary>The Digest realm; null uses the domain of the To URI.</summary>
    public string? Realm { get; init; }

    /// <summary>Shorter non-zero expiries get 423 Interval Too Brief (RFC 3261 §10.3 step 7).</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longer expiries are shortened to this value.</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Used when neither the contact nor the request says (RFC 3261 §10.2.1.1 default is 3600 s).</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Live contacts one address-of-record may hold; a REGISTER that would pass it gets 403 and changes nothing.
    /// Ten covers a desk phone, softphones and mobiles of one user, and stops a stolen password from fanning
    /// every call to the phone out to hundreds of contacts.
    /// </summary>
    public int MaxContactsPerAor { get; init; } = 10;
}
