using System.Collections;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// The ordered header fields of a message. Unknown headers are preserved verbatim and in order for passthrough.
/// Not thread-safe: a message belongs to one logical flow at a time.
/// </summary>
public sealed class SipHeaders : IEnumerable<SipHeader>
{
    private readonly byte[]? _source;
    private HeaderEntry[] _entries;
    private int _count;

    // Parallel to _entries, allocated on first use: names of unknown headers added in code or decoded, and values set
    // in code or decoded. A parse that nobody reads allocates neither.
    private string?[]? _names;
    private string?[]? _values;

    /// <summary>Creates an empty header collection for a message built in code.</summary>
    public SipHeaders()
    {
        _entries = new HeaderEntry[12];
    }

    internal SipHeaders(byte[] source, HeaderEntry[] entries, int count)
    {
        _source = source;
        _entries = entries;
        _count = count;
    }

    public int Count => _count;

    public SipHeader this[int index] => new(KindAt(index), NameAt(index), ValueAt(index));

    /// <summary>The first value of the header, or null when absent.</summary>
    public string? this[SipHeaderKind kind]
    {
        get
        {
            var index = IndexOf(kind);
            return index < 0 ? null : ValueAt(index);
        }
    }

    /// <summary>The first value of the header with that name (case-insensitive, compact forms accepted), or null.</summary>
    public string? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index < 0 ? null : ValueAt(index);
        }
    }

    public SipHeaderKind KindAt(int index) => Entry(index).Kind;

    public string NameAt(int index)
    {
        ref var entry = ref Entry(index);
        if (entry.Kind != SipHeaderKind.Other)
        {
            return SipHeaderNames.GetName(entry.Kind);
        }

        return (_names ??= new string?[_entries.Length])[index] ??= Encoding.ASCII.GetString(RawName(entry));
    }

    public string ValueAt(int index)
    {
        ref var entry = ref Entry(index);
        return (_values ??= new string?[_entries.Length])[index] ??= Decode(entry);
    }

    public int IndexOf(SipHeaderKind kind, int start = 0)
    {
        for (var i = start; i < _count; i++)
        {
            if (_entries[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    public int IndexOf(string name, int start = 0)
    {
        var kind = SipHeaderNames.Identify(name.AsSpan());
        if (kind != SipHeaderKind.Other)
        {
            return IndexOf(kind, start);
        }

        for (var i = start; i < _count; i++)
        {
            if (_entries[i].Kind == SipHeaderKind.Other && string.Equals(NameAt(i), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Contains(SipHeaderKind kind) => IndexOf(kind) >= 0;

    /// <summary>Every line of the header, in order, without splitting comma lists.</summary>
    public IEnumerable<string> GetAll(SipHeaderKind kind)
    {
        for (var i = IndexOf(kind); i >= 0; i = IndexOf(kind, i + 1))
        {
            yield return ValueAt(i);
        }
    }

    /// <summary>
    /// Every element of a list header across all its lines, split on commas outside quotes and angle
    /// brackets (RFC 3261 §7.3.1: multiple lines are equivalent to one comma-separated line).
    /// </summary>
    public List<string> GetListValues(SipHeaderKind kind)
    {
        var values = new List<string>();
        for (var i = IndexOf(kind); i >= 0; i = IndexOf(kind, i + 1))
        {
            SipHeaderValueSplitter.Split(ValueAt(i), values);
        }

        return values;
    }

    public void Add(SipHeaderKind kind, string value) => Insert(_count, kind, value);

    public void Add(string name, string value) => Insert(_count, name, value);

    public void Insert(int index, SipHeaderKind kind, string value)
    {
        if (kind == SipHeaderKind.Other)
        {
            throw new ArgumentException("Use the name overload for headers the stack does not know.", nameof(kind));
        }

        InsertEntry(index, kind, null, value);
    }

    public void Insert(int index, string name, string value)
    {
        ValidateName(name);
        var kind = SipHeaderNames.Identify(name.AsSpan());
        InsertEntry(index, kind, kind == SipHeaderKind.Other ? name : null, value);
    }

    public void SetValueAt(int index, string value)
    {
        Entry(index).Folded = false;
        (_values ??= new string?[_entries.Length])[index] = value;
    }

    /// <summary>Replaces the first occurrence (keeping its position) and removes the others; appends when absent.</summary>
    public void Set(SipHeaderKind kind, string value)
    {
        var index = IndexOf(kind);
        if (index < 0)
        {
            Add(kind, value);
            return;
        }

        SetValueAt(index, value);
        for (var i = IndexOf(kind, index + 1); i >= 0; i = IndexOf(kind, i))
        {
            RemoveAt(i);
        }
    }

    public int RemoveAll(SipHeaderKind kind)
    {
        var removed = 0;
        for (var i = IndexOf(kind); i >= 0; i = IndexOf(kind, i))
        {
            RemoveAt(i);
            removed++;
        }

        return removed;
    }

    public int RemoveAll(string name)
    {
        var removed = 0;
        for (var i = IndexOf(name); i >= 0; i = IndexOf(name, i))
        {
            RemoveAt(i);
            removed++;
        }

        return removed;
    }

    public void RemoveAt(int index)
    {
        Entry(index);
        _count--;
        RemoveSlot(_entries, index);
        RemoveSlot(_names, index);
        RemoveSlot(_values, index);
    }

    /// <summary>Copies every header line into another collection (e.g. when a B2BUA builds the outbound leg).</summary>
    public void CopyTo(SipHeaders target, SipHeaderKind kind)
    {
        for (var i = IndexOf(kind); i >= 0; i = IndexOf(kind, i + 1))
        {
            target.Add(kind, ValueAt(i));
        }
    }

    public IEnumerator<SipHeader> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Raw bytes of the name when the header came off the wire and is of an unknown kind.</summary>
    internal bool TryGetRawName(int index, out ReadOnlySpan<byte> name)
    {
        ref var entry = ref Entry(index);
        if (_source is not null && entry.NameStart > 0)
        {
            name = RawName(entry);
            return true;
        }

        name = default;
        return false;
    }

    /// <summary>Raw value bytes when they can be written as they are (unchanged, not folded).</summary>
    internal bool TryGetRawValue(int index, out ReadOnlySpan<byte> value)
    {
        ref var entry = ref Entry(index);
        if (!entry.Folded && _source is not null && _values?[index] is null)
        {
            value = _source.AsSpan(entry.ValueStart, entry.ValueLength);
            return true;
        }

        value = default;
        return false;
    }

    private ref HeaderEntry Entry(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        return ref _entries[index];
    }

    private void InsertEntry(int index, SipHeaderKind kind, string? name, string value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _count);
        if (_count == _entries.Length)
        {
            var capacity = Math.Max(8, _count * 2);
            Array.Resize(ref _entries, capacity);
            if (_names is not null)
            {
                Array.Resize(ref _names, capacity);
            }

            if (_values is not null)
            {
                Array.Resize(ref _values, capacity);
            }
        }

        InsertSlot(_entries, index, new HeaderEntry { Kind = kind });
        if (name is not null || _names is not null)
        {
            InsertSlot(_names ??= new string?[_entries.Length], index, name);
        }

        InsertSlot(_values ??= new string?[_entries.Length], index, value);
        _count++;
    }

    private void InsertSlot<T>(T[] slots, int index, T value)
    {
        Array.Copy(slots, index, slots, index + 1, _count - index);
        slots[index] = value;
    }

    /// <summary>Closes the gap at <paramref name="index"/>; <see cref="_count"/> is already the new count.</summary>
    private void RemoveSlot<T>(T[]? slots, int index)
    {
        if (slots is not null)
        {
            Array.Copy(slots, index + 1, slots, index, _count - index);
            slots[_count] = default!;
        }
    }

    private ReadOnlySpan<byte> RawName(in HeaderEntry entry)
    {
        var line = _source.AsSpan(entry.NameStart);
        return line[..SipGrammar.TokenLength(line)];
    }

    private string Decode(in HeaderEntry entry)
    {
        var raw = _source.AsSpan(entry.ValueStart, entry.ValueLength);
        if (!entry.Folded)
        {
            return Encoding.UTF8.GetString(raw);
        }

        // RFC 3261 §7.3.1: a continuation line (CRLF followed by whitespace) is equivalent to a single SP.
        var builder = new StringBuilder(raw.Length);
        var lineStart = 0;
        while (true)
        {
            var crlf = raw[lineStart..].IndexOf("\r\n"u8);
            if (crlf < 0)
            {
                builder.Append(Encoding.UTF8.GetString(raw[lineStart..]));
                break;
            }

            builder.Append(Encoding.UTF8.GetString(raw.Slice(lineStart, crlf)).TrimEnd(' ', '\t')).Append(' ');
            lineStart += crlf + 2;
            while (lineStart < raw.Length && raw[lineStart] is (byte)' ' or (byte)'\t')
            {
                lineStart++;
            }
        }

        return builder.ToString();
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || !SipGrammar.IsToken(name))
        {
            throw new ArgumentException($"'{name}' is not a valid header name (RFC 3261 §25.1 token).", nameof(name));
        }
    }
}
