namespace Softswitch.Domain;

/// <summary>
/// A source address the switch stopped answering (platform-wide, no tenant), with the rule and counts that got it
/// banned. In force while <see cref="LiftedAt"/> is null and the time is before <see cref="ExpiresAt"/>.
/// </summary>
public class IpBan : Entity
{
    public const int AddressMaxLength = 45;
    public const int RuleMaxLength = 32;
    public const int EvidenceMaxLength = 256;

    /// <summary>The rule of bans imported from the threat feed.</summary>
    public const string FeedRule = "feed";

    /// <summary>The address in its canonical text form (<c>IPAddress.ToString()</c>).</summary>
    public string Address { get; set; } = "";

    public string Rule { get; set; } = "";

    /// <summary>What gave the source away: the scanner's User-Agent, the user it guessed, the method it swept with.</summary>
    public string? Evidence { get; set; }

    /// <summary>The count that crossed <see cref="Threshold"/> within <see cref="WindowSeconds"/>.</summary>
    public int Count { get; set; }

    public int Threshold { get; set; }

    public int WindowSeconds { get; set; }

    /// <summary>The how-manieth ban of this source in a row; each one lasts twice as long as the one before.</summary>
    public int Offence { get; set; }

    public DateTime BannedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? LiftedAt { get; set; }
}
