using System.Text.RegularExpressions;

namespace Softswitch.Api.Http;

/// <summary>DNS host names (RFC 1123 labels), as used for SIP domains and gateway hosts.</summary>
public static partial class HostNames
{
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    [GeneratedRegex(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex Pattern();
}
