namespace Softswitch.Sdk;

/// <summary>Replaces a leading match_prefix with replacement; an empty match prefix prepends.</summary>
public sealed class RewriteRule
{
    public string? MatchPrefix { get; init; }

    public string? Replacement { get; init; }
}
