namespace Softswitch.Domain;

/// <summary>
/// A black or white list of full numbers (VOS3000 "black/white list group"), matched against the caller or the callee
/// of calls through the gateways it is assigned to. Its numbers are stored apart, in <see cref="NumberListContent"/>,
/// so reading the list's settings never reads a million numbers.
/// </summary>
public class NumberList : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int MaxGroups = 32;

    public string Name { get; set; } = "";

    public NumberListKind Kind { get; set; }

    public NumberSide Match { get; set; }

    /// <summary>Number groups whose prefixes count as members of the list besides its full numbers.</summary>
    public List<string> NumberGroupIds { get; set; } = [];

    /// <summary>The SIP status a call refused by this list gets (403 by default).</summary>
    public int RefusalStatus { get; set; } = NumberRule.DefaultRefusalStatus;

    /// <summary>How many numbers <see cref="NumberListContent"/> holds.</summary>
    public int NumberCount { get; set; }

    /// <summary>Grows with every change of the numbers; the switch reloads a list's numbers when it moves.</summary>
    public long ContentVersion { get; set; }
}
