using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Redirect;

/// <summary>
/// The headers of a routing server's answer that go onto the vendor's INVITE: only names the profile chose, only
/// Identity (RFC 8224), P-Asserted-Identity (RFC 3325) or X- names, and bounded so a server cannot make the switch
/// carry an unbounded header block.
/// </summary>
public static class RedirectHeaders
{
    public const int MaxValueLength = 1024;
    public const int MaxTotalLength = 4096;

    public static bool IsCarriable(string name) =>
        name.Equals("Identity", StringComparison.OrdinalIgnoreCase)
        || name.Equals("P-Asserted-Identity", StringComparison.OrdinalIgnoreCase)
        || (name.Length > 2 && name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    /// <summary>The chosen headers of <paramref name="answer"/>, in order; a value too long or past the total is left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Pick(SipHeaders answer, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(names);
        List<KeyValuePair<string, string>>? picked = null;
        var total = 0;
        foreach (var name in names)
        {
            var index = -1;
            while ((index = answer.IndexOf(name, index + 1)) >= 0)
            {
                var value = answer.ValueAt(index);
                if (!Fits(value, ref total))
                {
                    continue;
                }

                (picked ??= []).Add(new(answer.NameAt(index), value));
            }
        }

        return picked ?? (IReadOnlyList<KeyValuePair<string, string>>)[];
    }

    /// <summary>The chosen headers of an HTTP answer (already name/value pairs), bounded like a SIP answer's.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Pick(IReadOnlyDictionary<string, string>? answer, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (answer is null || answer.Count == 0)
        {
            return [];
        }

        var picked = new List<KeyValuePair<string, string>>();
        var total = 0;
        foreach (var name in names)
        {
            foreach (var (key, value) in answer)
            {
                if (key.Equals(name, StringComparison.OrdinalIgnoreCase) && IsSafeValue(value) && Fits(value, ref total))
                {
                    picked.Add(new(name, value));
                }
            }
        }

        return picked;
    }

    private static bool Fits(string value, ref int total)
    {
        if (value.Length > MaxValueLength || total + value.Length > MaxTotalLength)
        {
            return false;
        }

        total += value.Length;
        return true;
    }

    // A JSON string may hold CR or LF, which would let a server inject headers of its own.
    private static bool IsSafeValue(string value) => !value.Any(char.IsControl);
}
