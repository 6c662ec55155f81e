using Softswitch.Domain;

namespace Softswitch.Switch.Redirect;

/// <summary>A tenant's or a trunk's redirect profile as the call path reads it.</summary>
public sealed record RedirectSettings(
    IReadOnlyList<RoutingServer> Servers,
    TimeSpan Deadline,
    RedirectFailureMode OnFailure,
    ContactFilter Filter,
    IReadOnlyList<string> CarryHeaders)
{
    /// <summary>Contacts of one answer turned into attempts; the rest are ignored.</summary>
    public const int MaxTargets = 10;

    /// <summary>Null when the stored profile has no server the switch can ask (the API never stores one; a hand-edited row may be).</summary>
    public static RedirectSettings? From(RedirectProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var servers = profile.Servers.Take(RedirectProfile.MaxServers)
            .Select(s => RoutingServer.TryCreate(s.Uri, TimeSpan.FromMilliseconds(Math.Clamp(s.TimeoutMilliseconds, RedirectProfile.MinTimeoutMilliseconds, RedirectProfile.MaxTimeoutMilliseconds))))
            .OfType<RoutingServer>()
            .ToArray();
        if (servers.Length == 0)
        {
            return null;
        }

        var carried = profile.CarryHeaders.Where(RedirectHeaders.IsCarriable).Take(RedirectProfile.MaxCarriedHeaders).ToArray();
        return new RedirectSettings(
            servers,
            TimeSpan.FromMilliseconds(Math.Clamp(profile.DeadlineMilliseconds, RedirectProfile.MinTimeoutMilliseconds, RedirectProfile.MaxTimeoutMilliseconds)),
            profile.OnFailure,
            new ContactFilter(profile.AcceptHosts, profile.DenyHosts, profile.AcceptPrefixes, profile.DenyPrefixes),
            carried);
    }
}
