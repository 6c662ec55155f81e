namespace Softswitch.Domain;

/// <summary>
/// Which numbers a gateway or an account lets through: when any allowed prefix or group is set, the number must match
/// one; it must match no forbidden prefix, group or class. Stored as JSON on its owner.
/// </summary>
public sealed class NumberRule
{
    public const int DefaultRefusalStatus = 403;
    public const int MaxPrefixes = 1_000;
    public const int MaxGroups = 32;

    public List<string> AllowedPrefixes { get; set; } = [];

    public List<string> AllowedGroupIds { get; set; } = [];

    public List<string> ForbiddenPrefixes { get; set; } = [];

    public List<string> ForbiddenGroupIds { get; set; } = [];

    public List<NumberClass> ForbiddenClasses { get; set; } = [];

    /// <summary>The SIP status of a refusal by this rule.</summary>
    public int RefusalStatus { get; set; } = DefaultRefusalStatus;

    public bool IsEmpty =>
        AllowedPrefixes.Count == 0 && AllowedGroupIds.Count == 0 && ForbiddenPrefixes.Count == 0
        && ForbiddenGroupIds.Count == 0 && ForbiddenClasses.Count == 0;
}
