namespace Softswitch.Switch.Redirect;

/// <summary>
/// Asks one routing server about one call. Never throws for what the server does (silence, garbage, an error): that
/// is a <see cref="RoutingServerVerdict.Failed"/> answer. <paramref name="cancellationToken"/> fires at the server's
/// timeout (or when the call ends): the query is then given up and its answer is a timeout.
/// </summary>
public interface IRoutingServerClient
{
    Task<RoutingServerAnswer> AskAsync(RoutingServer server, RoutingQuery query, IReadOnlyList<string> carryHeaders, CancellationToken cancellationToken);
}
