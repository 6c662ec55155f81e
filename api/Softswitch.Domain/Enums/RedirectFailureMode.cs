namespace Softswitch.Domain;

/// <summary>What the redirect client does when no routing server answered usefully within the deadline.</summary>
public enum RedirectFailureMode
{
    /// <summary>Fail open: route the call on the tenant's own routes.</summary>
    OwnRoutes,

    /// <summary>Fail closed: the caller gets 503.</summary>
    Refuse,
}
