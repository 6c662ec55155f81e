using System.Collections.Concurrent;
using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// One tenant's memory of <see cref="NumberMetadata.Classify"/> answers, keyed by <see cref="NumberKey"/>. Callers
/// choose the numbers, so it is bounded: at <see cref="Capacity"/> entries it starts again empty (an answer costs
/// only microseconds to find again). Each tenant has its own, so one tenant's traffic never evicts another's.
/// </summary>
public sealed class ClassificationCache
{
    public const int Capacity = 65_536;

    private readonly ConcurrentDictionary<ulong, NumberClasses> _known = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public NumberClasses Classify(ReadOnlySpan<char> digits)
    {
        if (!NumberKey.TryEncode(digits, out var key))
        {
            return NumberClasses.Invalid;
        }

        if (_known.TryGetValue(key, out var classes))
        {
            return classes;
        }

        classes = NumberMetadata.Classify(digits);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _known.Clear();
            Volatile.Write(ref _count, 1);
        }

        _known[key] = classes;
        return classes;
    }
}
