using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// The full numbers of a black or white list: <see cref="NumberKey"/> values in a sorted array, searched by halving.
/// 8 bytes a number and about 20 comparisons for a million, with no allocation per check.
/// </summary>
public sealed class NumberSet
{
    private readonly ulong[] _keys;

    private NumberSet(ulong[] sortedDistinctKeys) => _keys = sortedDistinctKeys;

    public static NumberSet Empty { get; } = new([]);

    public int Count => _keys.Length;

    /// <summary>Takes keys as stored: sorted ascending and distinct (checked; a corrupt value is sorted again).</summary>
    public static NumberSet FromStored(ulong[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i - 1] >= keys[i])
            {
                return FromKeys(keys);
            }
        }

        return new NumberSet(keys);
    }

    /// <summary>Sorts and de-duplicates <paramref name="keys"/> in place.</summary>
    public static NumberSet FromKeys(ulong[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Array.Sort(keys);
        var distinct = keys.Length == 0 ? 0 : 1;
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] != keys[distinct - 1])
            {
                keys[distinct++] = keys[i];
            }
        }

        return new NumberSet(distinct == keys.Length ? keys : keys[..distinct]);
    }

    public bool Contains(ReadOnlySpan<char> number) =>
        NumberKey.TryEncode(number, out var key) && _keys.AsSpan().BinarySearch(key) >= 0;
}
