using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread for turning header values into text. Every message the switch
/// sends formats its Via, From, To and URIs; a new builder (and its growing buffers) for each was a visible share of the
/// allocations per call (bench/README.md). Formatting never nests a second acquire, and a builder that grew past
/// <see cref="MaxKeptCapacity"/> is dropped rather than kept.
/// </summary>
internal static class SipTextBuilder
{
    private const int MaxKeptCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    public static StringBuilder Acquire()
    {
        var builder = t_cached ?? new StringBuilder(256);
        t_cached = null;
        return builder.Clear();
    }

    public static string ToStringAndRelease(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity)
        {
            t_cached = builder;
        }

        return text;
    }
}
