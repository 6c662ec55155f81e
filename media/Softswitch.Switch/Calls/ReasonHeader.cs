using System.Globalization;

namespace Softswitch.Switch.Calls;

/// <summary>RFC 3326 Reason header values.</summary>
public static class ReasonHeader
{
    public const string Name = "Reason";

    public static string Q850(int cause, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"Q.850;cause={cause};text=\"{Escape(text)}\"");

    public static string Sip(int status, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"SIP;cause={status};text=\"{Escape(text)}\"");

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
