using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A number group: named digit prefixes, used by number lists and number rules.</summary>
public sealed record NumberGroupResponse(
    string Id, string Name, IReadOnlyList<string> Prefixes, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Creates or replaces a number group.</summary>
public sealed record NumberGroupRequest(string? Name, List<string>? Prefixes);

public static class NumberGroupMapping
{
    public static NumberGroupResponse AsResponse(this NumberGroup g) => new(g.Id, g.Name, g.Prefixes, g.CreatedAt, g.UpdatedAt, g.Version);
}
