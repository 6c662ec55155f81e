using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// An immutable, ordered list of <c>;name[=value]</c> parameters with case-insensitive lookup
/// (RFC 3261 §19.1.4: parameter names compare case-insensitively). Values are kept as written,
/// quoted values included, so they round-trip byte for byte.
/// </summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>
{
    public static readonly SipParameters Empty = new([]);

    private readonly SipParameter[] _items;

    private SipParameters(SipParameter[] items) => _items = items;

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value, or null when absent or when the parameter has no value.</summary>
    public string? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index < 0 ? null : _items[index].Value;
        }
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns a copy with the parameter set (replacing in place, or appended).</summary>
    public SipParameters With(string name, string? value)
    {
        var index = IndexOf(name);
        SipParameter[] items;
        if (index >= 0)
        {
            items = (SipParameter[])_items.Clone();
            items[index] = new SipParameter(items[index].Name, value);
        }
        else
        {
            items = [.. _items, new SipParameter(name, value)];
        }

        return new SipParameters(items);
    }

    public SipParameters Without(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? this : new SipParameters([.. _items[..index], .. _items[(index + 1)..]]);
    }

    public static SipParameters From(IEnumerable<SipParameter> parameters) => new([.. parameters]);

    // Values this short are transport names, user=phone, ports and flags, repeated in every message; longer ones
    // (tags, branches) are unique and would only evict them from the pool.
    private const int PooledValueLength = 8;

    private static string ShortTokenOrCopy(ReadOnlySpan<char> value) =>
        value.Length <= PooledValueLength ? SipTokenPool.Get(value) : value.ToString();

    /// <summary>
    /// Parses <c>;a=b;c;d="x;y"</c> (leading ';' required for each element). Whitespace around ';' and '='
    /// is tolerated (RFC 3261 SEMI and EQUAL allow SWS). Stops at <paramref name="terminator"/> outside quotes.
    /// </summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out SipParameters parameters, out int consumed, char terminator = '\0')
    {
        parameters = Empty;
        consumed = 0;
        var found = new ParameterBuffer();
        var count = 0;
        List<SipParameter>? more = null;
        var i = 0;
        while (true)
        {
            var save = i;
            while (i < text.Length && SipGrammar.IsWhitespace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != ';')
            {
                consumed = save;
                break;
            }

            i++;
            SkipWhitespace(text, ref i);
            var nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ';' or ',' or '?' or '>' or ' ' or '\t' or '\r' or '\n') && text[i] != terminator)
            {
                i++;
            }

            var name = text[nameStart..i];
            if (name.IsEmpty)
            {
                return false;
            }

            var afterName = i;
            SkipWhitespace(text, ref i);
            string? value = null;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                SkipWhitespace(text, ref i);
                var valueStart = i;
                if (i < text.Length && text[i] == '"')
                {
                    var close = SipGrammar.FindClosingQuote(text, i);
                    if (close < 0)
                    {
                        return false;
                    }

                    i = close + 1;
                }
                else if (i < text.Length && text[i] == '[')
                {
                    var close = text[i..].IndexOf(']');
                    if (close < 0)
                    {
                        return false;
                    }

                    i += close + 1;
                }
                else
                {
                    while (i < text.Length && text[i] is not (';' or ',' or '?' or '>' or ' ' or '\t' or '\r' or '\n') && text[i] != terminator)
                    {
                        i++;
                    }
                }

                if (i == valueStart)
                {
                    return false;
                }

                value = ShortTokenOrCopy(text[valueStart..i]);
            }
            else
            {
                i = afterName;
            }

            var parameter = new SipParameter(SipTokenPool.Get(name), value);
            if (count < ParameterBuffer.Length)
            {
                found[count] = parameter;
            }
            else
            {
                (more ??= []).Add(parameter);
            }

            count++;
            consumed = i;
        }

        if (count > 0)
        {
            var items = new SipParameter[count];
            ((ReadOnlySpan<SipParameter>)found)[..Math.Min(count, ParameterBuffer.Length)].CopyTo(items);
            more?.CopyTo(items, ParameterBuffer.Length);
            parameters = new SipParameters(items);
        }

        return true;
    }

    /// <summary>Room for the parameters of nearly every header on the stack; only a longer list spills to the heap.</summary>
    [InlineArray(Length)]
    private struct ParameterBuffer
    {
        public const int Length = 8;
        private SipParameter _first;
    }

    internal void AppendTo(StringBuilder builder)
    {
        foreach (var parameter in _items)
        {
            builder.Append(';').Append(parameter.Name);
            if (parameter.Value is not null)
            {
                builder.Append('=').Append(parameter.Value);
            }
        }
    }

    public override string ToString()
    {
        var builder = SipTextBuilder.Acquire();
        AppendTo(builder);
        return SipTextBuilder.ToStringAndRelease(builder);
    }

    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    private static void SkipWhitespace(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && SipGrammar.IsWhitespace(text[i]))
        {
            i++;
        }
    }
}
