using System.Net;
using System.Numerics;
using Softswitch.Domain;

namespace Softswitch.Switch.Geofencing;

/// <summary>
/// The addresses of one range set, for the call path: ranges sorted and merged (overlapping and touching ranges become
/// one), IPv4 as 32-bit pairs (8 bytes a range) and IPv6 as 128-bit pairs (32 bytes), each looked up by binary
/// search. 100,000 ranges take 17 probes and no allocation.
/// </summary>
public sealed class IpRangeIndex
{
    private readonly SortedRanges<uint> _v4;
    private readonly SortedRanges<UInt128> _v6;

    private IpRangeIndex(SortedRanges<uint> v4, SortedRanges<UInt128> v6)
    {
        _v4 = v4;
        _v6 = v6;
    }

    public static IpRangeIndex Empty { get; } = Build([]);

    /// <summary>Ranges after merging.</summary>
    public int Count => _v4.Count + _v6.Count;

    /// <summary>Bytes the range arrays hold (the measure of a set's cost in the switch).</summary>
    public long Bytes => (_v4.Count * 2L * sizeof(uint)) + (_v6.Count * 2L * 16);

    public static IpRangeIndex Build(IEnumerable<AddressRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var v4 = new List<(uint First, uint Last)>();
        var v6 = new List<(UInt128 First, UInt128 Last)>();
        foreach (var range in ranges)
        {
            if (range.IsIPv4)
            {
                v4.Add(((uint)range.First, (uint)range.Last));
            }
            else
            {
                v6.Add((range.First, range.Last));
            }
        }

        return new IpRangeIndex(SortedRanges<uint>.Build(v4), SortedRanges<UInt128>.Build(v6));
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Contains(AddressRange.ToPoint(address));
    }

    /// <summary>Whether the point (see <see cref="AddressRange.ToPoint"/>) is in a range.</summary>
    public bool Contains(UInt128 point) =>
        (point >> 32) == 0xFFFF ? _v4.Contains((uint)point) : _v6.Contains(point);

    private sealed class SortedRanges<T>
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        private readonly T[] _firsts;
        private readonly T[] _lasts;

        private SortedRanges(T[] firsts, T[] lasts)
        {
            _firsts = firsts;
            _lasts = lasts;
        }

        public int Count => _firsts.Length;

        public static SortedRanges<T> Build(List<(T First, T Last)> ranges)
        {
            ranges.Sort(static (a, b) => a.First.CompareTo(b.First));
            var firsts = new List<T>(ranges.Count);
            var lasts = new List<T>(ranges.Count);
            foreach (var (first, last) in ranges)
            {
                // Touching (last + 1 == first) merges too; a last of MaxValue swallows everything after it.
                if (lasts.Count > 0 && (lasts[^1] == T.MaxValue || first <= lasts[^1] + T.One))
                {
                    if (last > lasts[^1])
                    {
                        lasts[^1] = last;
                    }

                    continue;
                }

                firsts.Add(first);
                lasts.Add(last);
            }

            return new SortedRanges<T>([.. firsts], [.. lasts]);
        }

        public bool Contains(T point)
        {
            // The last range starting at or before the point is the only one that can hold it (ranges are disjoint).
            var low = 0;
            var high = _firsts.Length - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                if (_firsts[middle] <= point)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return high >= 0 && point <= _lasts[high];
        }
    }
}
