using System.Globalization;
using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Calls;

/// <summary>An RFC 4028 Session-Expires value: the interval and who refreshes (uac, uas, or not said).</summary>
internal readonly record struct SessionExpires(TimeSpan Interval, string? Refresher)
{
    public const string MinSeHeader = "Min-SE";
    public const string TimerOptionTag = "timer";

    public static SessionExpires? From(SipMessage message)
    {
        var value = message.Headers[SipHeaderKind.SessionExpires];
        if (value is null)
        {
            return null;
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var seconds = (semicolon < 0 ? value : value[..semicolon]).Trim();
        if (!uint.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var delta) || delta == 0)
        {
            return null;
        }

        string? refresher = null;
        if (semicolon >= 0)
        {
            foreach (var parameter in value[(semicolon + 1)..].Split(';', StringSplitOptions.TrimEntries))
            {
                if (parameter.StartsWith("refresher=", StringComparison.OrdinalIgnoreCase))
                {
                    refresher = parameter["refresher=".Length..].ToLowerInvariant();
                }
            }
        }

        return new SessionExpires(TimeSpan.FromSeconds(delta), refresher);
    }

    public static bool SupportsTimer(SipMessage message) =>
        message.Headers.GetListValues(SipHeaderKind.Supported).Concat(message.Headers.GetListValues(SipHeaderKind.Require))
            .Any(tag => string.Equals(tag, TimerOptionTag, StringComparison.OrdinalIgnoreCase));

    public override string ToString()
    {
        var seconds = ((long)Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Refresher is null ? seconds : string.Concat(seconds, ";refresher=", Refresher);
    }
}
