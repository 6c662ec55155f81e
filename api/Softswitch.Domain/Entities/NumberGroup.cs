namespace Softswitch.Domain;

/// <summary>A named set of number prefixes (VOS3000 "number group"), used by number lists and number rules.</summary>
public class NumberGroup : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int MaxPrefixes = 10_000;

    public string Name { get; set; } = "";

    /// <summary>Digit prefixes; a number belongs to the group when it starts with one of them.</summary>
    public List<string> Prefixes { get; set; } = [];
}
