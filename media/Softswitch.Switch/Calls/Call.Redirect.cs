using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Redirect;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Calls;

/// <summary>
/// The 3xx redirect client's part of a call: the routing servers are asked before routing, off the call's executor,
/// and their outcome comes back to it. A CANCEL meanwhile ends the call at once (487) and abandons the query.
/// </summary>
internal sealed partial class Call
{
    /// <summary>The refusal rule on the CDR of a call a routing server refused (603/403).</summary>
    public const string RedirectRefusedRule = "redirect-refused";

    /// <summary>The refusal rule on the CDR of a call refused because no routing server answered (fail-closed 503).</summary>
    public const string RedirectUnavailableRule = "redirect-unavailable";

    /// <summary>Abandons the query under way; disposed with its source once the outcome is back on the executor.</summary>
    private Action? _abandonRedirect;
    private IReadOnlyList<KeyValuePair<string, string>> _redirectHeaders = [];

    /// <summary>True when the call's trunk or tenant has a redirect profile and its query is under way.</summary>
    private bool StartRedirectQuery()
    {
        if (_services.Redirects is not { } client || client.SettingsFor(_origin) is not { } settings)
        {
            return false;
        }

        var query = new RoutingQuery(
            _record.Id,
            _callerSent,
            _origin.Gateway?.RewriteCallee(_origin.Callee) ?? _origin.Callee,
            _caller.Invite.Source!.Value.EndPoint.Address.ToString(),
            _origin.Account.Id,
            _origin.Gateway?.Id,
            _origin.Phone?.Id,
            _caller.Invite);
        var abandon = new CancellationTokenSource();
        _abandonRedirect = abandon.Cancel;
        client.RouteAsync(settings, _origin, query, abandon.Token).ContinueWith(
            t => Post(() => OnRedirectOutcome(t, abandon)),
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return true;
    }

    private void OnRedirectOutcome(Task<RedirectOutcome> query, CancellationTokenSource abandon)
    {
        _abandonRedirect = null;
        abandon.Dispose();
        if (_state != CallState.Routing)
        {
            return;
        }

        // A failed query is a fault of the switch: the executor ends the call with 500 and logs it.
        var outcome = query.GetAwaiter().GetResult();
        _record.SetRedirect(outcome.Server, outcome.Elapsed);
        switch (outcome.Decision)
        {
            case RedirectDecision.Redirected:
                _redirectHeaders = outcome.Headers;
                var plan = new RoutePlan(null, outcome.RoutedCallee, outcome.Attempts) { Redirected = true };
                StartRouting(NumberScreenedRouter.Screen(plan, _origin, _services.Numbers));
                break;
            case RedirectDecision.OwnRoutes:
                StartRouting(_services.Router.Plan(_origin, _services.Random));
                break;
            default:
                _record.RefusedBy = outcome.Decision == RedirectDecision.Refused ? RedirectRefusedRule : RedirectUnavailableRule;
                FailCaller(outcome.StatusCode, null, outcome.Reason, HangupSide.Switch);
                break;
        }
    }

    /// <summary>The headers the routing server's answer carried (Identity, P-Asserted-Identity, X-…) replace the caller's of the same name.</summary>
    private void AddRedirectHeaders(SipRequest request)
    {
        foreach (var (name, _) in _redirectHeaders)
        {
            request.Headers.RemoveAll(name);
        }

        foreach (var (name, value) in _redirectHeaders)
        {
            request.Headers.Add(name, value);
        }
    }

    private void CancelRedirectQuery() => _abandonRedirect?.Invoke();
}
