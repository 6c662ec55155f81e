using Softswitch.Domain;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Health;

namespace Softswitch.Switch.Redirect;

/// <summary>
/// The 3xx redirect client (issue 10 §2): before routing, asks the call's routing servers in order, each within its
/// timeout and all within the profile's deadline, and turns the first useful answer into the call's routes. A timeout,
/// a 5xx, a 2xx, any other answer and a redirect with no usable target move on to the next server; when none is left
/// (or the deadline passed) the profile fails open (own routes) or closed (503). Runs off the call's executor; the
/// call posts the outcome back to itself.
/// </summary>
public sealed class RedirectClient
{
    private readonly RedirectProfileSource _profiles;
    private readonly IRoutingServerClient _sip;
    private readonly IRoutingServerClient? _http;
    private readonly TimeProvider _time;

    public RedirectClient(RedirectProfileSource profiles, IRoutingServerClient sip, IRoutingServerClient? http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(sip);
        ArgumentNullException.ThrowIfNull(time);
        _profiles = profiles;
        _sip = sip;
        _http = http;
        _time = time;
    }

    public RedirectCounters Counters { get; } = new();

    /// <summary>OPTIONS health and circuit breakers of the routing servers; null: every server is always asked.</summary>
    public RoutingServerHealth? Health { get; init; }

    /// <summary>The profile a call of <paramref name="origin"/> follows, or null when its routes are its own.</summary>
    public RedirectSettings? SettingsFor(CallOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return _profiles.Current.For(origin.Tenant.TenantId, origin.Gateway?.Id);
    }

    /// <param name="callEnded">Fires when the caller gives up (CANCEL): the query in progress is abandoned.</param>
    public async Task<RedirectOutcome> RouteAsync(RedirectSettings settings, CallOrigin origin, RoutingQuery query, CancellationToken callEnded)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(query);
        Counters.Query();
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(settings.Deadline, _time);
        foreach (var server in settings.Servers)
        {
            var client = server.Sip is not null ? _sip : _http;
            if (deadline.IsCancellationRequested || callEnded.IsCancellationRequested || client is null)
            {
                continue;
            }

            if (Health?.TryPass(origin.Tenant.TenantId, server) == false)
            {
                Counters.ServerFailed();
                continue;
            }

            using var timeout = new CancellationTokenSource(server.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, deadline.Token, callEnded);
            var answer = await client.AskAsync(server, query, settings.CarryHeaders, linked.Token).ConfigureAwait(false);
            Health?.Report(origin.Tenant.TenantId, server, answer, timeout.IsCancellationRequested, linked.IsCancellationRequested);
            var elapsed = _time.GetElapsedTime(started);
            switch (answer.Verdict)
            {
                case RoutingServerVerdict.Redirect:
                    var attempts = RedirectTargets.ToAttempts(answer.Targets, origin.Tenant, settings.Filter, query.Callee);
                    if (attempts.Count > 0)
                    {
                        Counters.Redirected();
                        return new RedirectOutcome(RedirectDecision.Redirected, answer.StatusCode, "Redirected", server.Address, elapsed, attempts, answer.Headers)
                        {
                            RoutedCallee = attempts[0].Callee,
                        };
                    }

                    Counters.ServerFailed();
                    break;
                case RoutingServerVerdict.OwnRoutes:
                    Counters.OwnRoutes();
                    return new RedirectOutcome(RedirectDecision.OwnRoutes, answer.StatusCode, "Own routes", server.Address, elapsed, [], []);
                case RoutingServerVerdict.Refuse:
                    Counters.Refused();
                    return new RedirectOutcome(RedirectDecision.Refused, answer.StatusCode, "Refused by routing server", server.Address, elapsed, [], []);
                default:
                    Counters.ServerFailed();
                    break;
            }
        }

        var spent = _time.GetElapsedTime(started);
        if (settings.OnFailure == RedirectFailureMode.OwnRoutes)
        {
            Counters.FailedOpen();
            return new RedirectOutcome(RedirectDecision.OwnRoutes, 0, "Routing servers unavailable: own routes", null, spent, [], []);
        }

        Counters.FailedClosed();
        return new RedirectOutcome(RedirectDecision.Unavailable, 503, "Routing servers unavailable", null, spent, [], []);
    }
}
