using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Calls;

/// <summary>Copies the headers a tenant chose from the caller's INVITE into its call's record.</summary>
internal static class CallMetadata
{
    /// <summary>A value is cut to this many characters: the record is journalled with every state change.</summary>
    public const int MaxValueLength = 256;

    /// <summary>The first value of each chosen header the INVITE has, by the chosen name; null when it has none.</summary>
    public static IReadOnlyDictionary<string, string>? Capture(SipRequest invite, IReadOnlyList<string> names)
    {
        Dictionary<string, string>? captured = null;
        foreach (var name in names)
        {
            var index = invite.Headers.IndexOf(name);
            if (index >= 0)
            {
                var value = invite.Headers.ValueAt(index);
                (captured ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value.Length <= MaxValueLength ? value : value[..MaxValueLength];
            }
        }

        return captured;
    }
}
