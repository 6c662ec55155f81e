using System.Runtime.CompilerServices;

namespace Softswitch.Domain.Fraud;

/// <summary>
/// The distinct members (callees or callee prefixes) of one distinct-destination counter's window. A member of digits
/// is kept as its <see cref="NumberKey"/>, so no string is made for it; the first <see cref="Inline"/> such members sit
/// in the object itself (a caller dials few distinct numbers in a window), the rest in a set made when the first
/// overflows. Any other member is kept as a string. Never holds more than the store's cap.
/// </summary>
internal sealed class DistinctMembers
{
    private const int Inline = 8;
    private InlineKeys _inline;
    private int _inlineCount;
    private HashSet<ulong>? _keys;
    private HashSet<string>? _names;

    public int Count => _inlineCount + (_keys?.Count ?? 0) + (_names?.Count ?? 0);

    /// <summary>Adds <paramref name="member"/>; true when it was not yet held.</summary>
    public bool Add(ReadOnlySpan<char> member)
    {
        if (member.Length == 0 || !char.IsAsciiDigit(member[0]) || !NumberKey.TryEncode(member, out var key))
        {
            // The alternate lookup makes a string of the member only when it is new.
            return (_names ??= new HashSet<string>(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>().Add(member);
        }

        ReadOnlySpan<ulong> held = _inline;
        if (held[.._inlineCount].Contains(key) || (_keys?.Contains(key) ?? false))
        {
            return false;
        }

        if (_inlineCount < Inline)
        {
            _inline[_inlineCount++] = key;
            return true;
        }

        return (_keys ??= new HashSet<ulong>(SeededNumberComparer.Instance)).Add(key);
    }

    public void Clear()
    {
        _inlineCount = 0;
        _keys?.Clear();
        _names?.Clear();
    }

    [InlineArray(Inline)]
    private struct InlineKeys
    {
        private ulong _key;
    }
}
