using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// Known scanner tools by what they put in User-Agent or From (sipvicious sends "friendly-scanner" in both).
/// Case-insensitive substrings, from <see cref="SignallingGuardOptions.ScannerPatterns"/>.
/// </summary>
internal sealed class ScannerSignatures(IReadOnlyList<string> patterns)
{
    /// <summary>The header value that gave the scanner away, or null.</summary>
    public string? Match(SipRequest request)
    {
        if (patterns.Count == 0)
        {
            return null;
        }

        if (request.Headers[SipHeaderKind.UserAgent] is { } userAgent && Matches(userAgent))
        {
            return "User-Agent: " + userAgent;
        }

        var from = request.From;
        if (from.DisplayName is { } display && Matches(display))
        {
            return "From: " + display;
        }

        return from.Uri.User is { } user && Matches(user) ? "From: " + user : null;
    }

    private bool Matches(string value)
    {
        foreach (var pattern in patterns)
        {
            if (value.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
