using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>A black or white list as the switch checks it: its full numbers and the prefixes of its number groups.</summary>
public sealed class CompiledNumberList(
    string id, string name, NumberListKind kind, NumberSide match, int refusalStatus, NumberSet numbers, PrefixSet groupPrefixes)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public NumberListKind Kind { get; } = kind;

    public NumberSide Match { get; } = match;

    public int RefusalStatus { get; } = refusalStatus;

    public NumberSet Numbers { get; } = numbers;

    public PrefixSet GroupPrefixes { get; } = groupPrefixes;

    public bool Contains(ReadOnlySpan<char> number) => Numbers.Contains(number) || GroupPrefixes.Matches(number);

    /// <summary>True when the list lets the call through: a black list does not hold the number, a white list does.</summary>
    public bool Admits(ReadOnlySpan<char> caller, ReadOnlySpan<char> callee)
    {
        var member = Contains(Match == NumberSide.Caller ? caller : callee);
        return Kind == NumberListKind.White ? member : !member;
    }
}
