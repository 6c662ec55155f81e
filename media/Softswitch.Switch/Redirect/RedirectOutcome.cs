using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Redirect;

/// <summary>How the redirect client decided a call's routes.</summary>
public enum RedirectDecision
{
    /// <summary>A server redirected: <see cref="RedirectOutcome.Attempts"/> is the route list.</summary>
    Redirected,

    /// <summary>A server said 404, or none answered and the profile fails open.</summary>
    OwnRoutes,

    /// <summary>A server refused (603/403): the caller gets that code.</summary>
    Refused,

    /// <summary>No server answered usefully and the profile fails closed: the caller gets 503.</summary>
    Unavailable,
}

/// <summary>The redirect client's result for one call, with what the CDR and logs record of it.</summary>
public sealed record RedirectOutcome(
    RedirectDecision Decision,
    int StatusCode,
    string Reason,
    string? Server,
    TimeSpan Elapsed,
    IReadOnlyList<RouteAttempt> Attempts,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The callee the attempts were screened for (the first target's number).</summary>
    public string RoutedCallee { get; init; } = "";
}
