namespace Softswitch.Domain;

/// <summary>
/// A number that a source banned as a scanner tried to call (the scanner honeypot, issue 8 §4): platform-wide, no
/// tenant owns it. Forgotten (a false positive) when <see cref="ForgottenAt"/> is set; the row stays a while so every
/// switch learns it, and a later dial by a scanner records the number again.
/// </summary>
public class ScannerDestination : Entity
{
    public const int NumberMaxLength = 32;

    /// <summary>The called number as the scanner sent it in the Request-URI.</summary>
    public string Number { get; set; } = "";

    public DateTime FirstDialledAt { get; set; }

    public DateTime LastDialledAt { get; set; }

    /// <summary>How many INVITEs of banned scanners were for this number (since it was last forgotten).</summary>
    public long Dials { get; set; }

    /// <summary>The address of the last scanner that dialled it, in canonical text form.</summary>
    public string LastSource { get; set; } = "";

    public DateTime? ForgottenAt { get; set; }
}
