using System.Collections.Frozen;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// Digit prefixes, asked whether a number starts with any of them. One hash lookup per distinct prefix length (at most
/// the number's length), on spans of the number, so a check allocates nothing.
/// </summary>
public sealed class PrefixSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _lengths;

    public PrefixSet(IEnumerable<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var set = prefixes.Select(NumberText.Digits).Where(p => p.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengths = [.. set.Select(p => p.Length).Distinct().Order()];
        Count = set.Count;
    }

    public static PrefixSet Empty { get; } = new([]);

    public int Count { get; }

    public bool IsEmpty => Count == 0;

    public bool Matches(ReadOnlySpan<char> number)
    {
        number = NumberText.Digits(number);
        foreach (var length in _lengths)
        {
            if (length > number.Length)
            {
                return false;
            }

            if (_lookup.Contains(number[..length]))
            {
                return true;
            }
        }

        return false;
    }
}
