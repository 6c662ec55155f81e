namespace Softswitch.Switch.Redirect;

/// <summary>What one routing server's answer means.</summary>
public enum RoutingServerVerdict
{
    /// <summary>301/302 (or an HTTP route list): route on the targets.</summary>
    Redirect,

    /// <summary>404 (or HTTP <c>own_routes</c>): route on the tenant's own routes.</summary>
    OwnRoutes,

    /// <summary>603 or 403 (or HTTP <c>refuse</c>): refuse the call.</summary>
    Refuse,

    /// <summary>A timeout, 5xx, 2xx or anything else: ask the next server.</summary>
    Failed,
}

/// <summary>One routing server's answer: the verdict, the code it came with, and for a redirect its targets and headers.</summary>
public sealed record RoutingServerAnswer(
    RoutingServerVerdict Verdict,
    int StatusCode,
    IReadOnlyList<RedirectTarget> Targets,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Detail)
{
    public static RoutingServerAnswer Failed(int statusCode, string detail) => new(RoutingServerVerdict.Failed, statusCode, [], [], detail);

    public static RoutingServerAnswer OwnRoutes(int statusCode) => new(RoutingServerVerdict.OwnRoutes, statusCode, [], [], "Own routes");

    public static RoutingServerAnswer Refuse(int statusCode, string detail) => new(RoutingServerVerdict.Refuse, statusCode, [], [], detail);
}
