using System.Globalization;
using Microsoft.Extensions.Logging;
using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;
using Softswitch.Switch.Events;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Sessions;

namespace Softswitch.Switch.Calls;

/// <summary>
/// One call through the B2BUA: the caller's dialog (the switch is its UAS) and, once a vendor answers, the vendor's
/// dialog (the switch is its UAC). Every event of the call runs on its <see cref="SerialExecutor"/>, in order.
/// This part sets the call up: routing, attempts, failover and the caller's final answer.
/// </summary>
internal sealed partial class Call
{
    private readonly B2buaServices _services;
    private readonly SipServerTransaction _invite;
    private readonly AdmissionContext _admission;
    private readonly CallOrigin _origin;
    private readonly SerialExecutor _executor;
    private readonly DialogLeg _callerLeg;
    private readonly string _callerSent;
    private readonly CallRecord _record;
    private long _eventSequence;
    private CallRouting? _routing;
    private OutboundAttempt? _current;
    private Queue<SipNameAddress>? _redirects;
    private int _invitesSent;
    private CallState _state = CallState.Routing;

    public Call(B2buaServices services, AdmissionContext admission)
    {
        _services = services;
        _admission = admission;
        _invite = admission.Transaction;
        _origin = admission.Origin ?? throw new ArgumentException("An admitted call has an origin.", nameof(admission));
        _executor = new SerialExecutor(services.Logger, Abort);
        var request = _invite.Request;
        var source = request.Source!.Value;
        _callerLeg = new DialogLeg
        {
            CallId = request.CallId,
            LocalTag = SipIdentifiers.NewTag(),
            RemoteTag = request.From.Tag,
            Local = request.To,
            Remote = request.From.WithoutParameter("tag"),
            RemoteTarget = ContactUri(request) ?? request.From.Uri,
            RouteSet = request.RecordRoutes,
            Destination = source,
            Contact = ContactFor(source.Protocol),
        };
        _callerLeg.AcceptsRemoteSequence(request.CSeq.Number);
        _callerSent = _origin.Gateway?.RewriteCaller(_origin.Caller) ?? _origin.Caller;
        _record = new CallRecord(_origin, request.CallId, _origin.Caller, _origin.Callee, services.Time.GetUtcNow(), _callerSent);
    }

    public DialogLeg CallerLeg => _callerLeg;

    public void Start() => _executor.Post(Begin);

    public bool IsInvite(SipServerTransaction transaction) => ReferenceEquals(transaction, _invite);

    public void Post(Action action) => _executor.Post(action);

    private void Begin()
    {
        _services.Counters.Accepted();
        _services.Registry.Add(_callerLeg, this);
        Publish(CallEventKind.Created);
        var plan = _services.Router.Plan(_origin, _services.Random);
        _routing = new CallRouting(plan, _services.Capacity, _services.Options.MaxAttempts);
        NextGateway();
    }

    private void NextGateway()
    {
        _redirects = null;
        if (_invitesSent >= _services.Options.MaxAttempts || !_routing!.TryStartNext(out var attempt))
        {
            var code = _routing!.FinalCode ?? CallerFinalResponse.Choose(_record.AttemptCodes);
            var reason = code == CallerFinalResponse.NoRoute ? "No route" : "All routes failed";
            FailCaller(code, null, reason, code == CallerFinalResponse.NoRoute || code == CallerFinalResponse.NoGatewayAvailable ? HangupSide.Switch : HangupSide.Callee);
            return;
        }

        var gateway = attempt.Gateway;
        var target = new SipUri
        {
            Scheme = SipUri.SipScheme,
            User = attempt.Callee,
            Host = gateway.Host,
            Port = gateway.Port,
            Parameters = gateway.Transport == Domain.SipTransport.Tcp ? SipParameters.Empty.With("transport", "tcp") : SipParameters.Empty,
        };
        SendInvite(gateway, target);
    }

    private void SendInvite(RoutingGatewayEntry gateway, SipUri target)
    {
        _invitesSent++;
        var protocol = gateway.Transport == Domain.SipTransport.Tcp || string.Equals(target.Transport, "tcp", StringComparison.OrdinalIgnoreCase)
            ? SipTransportProtocol.Tcp
            : SipTransportProtocol.Udp;
        var cdrIndex = _record.AddAttempt(gateway.Id, target.User ?? "", _services.Time.GetUtcNow());
        var resolving = _services.Resolver.ResolveAsync(target.Host);
        if (resolving.IsCompletedSuccessfully)
        {
            Dispatch(gateway, target, protocol, cdrIndex, resolving.Result);
        }
        else
        {
            resolving.AsTask().ContinueWith(
                t => Post(() => Dispatch(gateway, target, protocol, cdrIndex, t.IsCompletedSuccessfully ? t.Result : null)),
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void Dispatch(RoutingGatewayEntry gateway, SipUri target, SipTransportProtocol protocol, int cdrIndex, System.Net.IPAddress? address)
    {
        if (_state != CallState.Routing)
        {
            _record.SetAttemptCode(cdrIndex, 487);
            return;
        }

        if (address is null)
        {
            // An unresolvable vendor host is the vendor's failure, like an unreachable one (RFC 3261 §8.1.3.1).
            OnAttemptFailed(gateway, cdrIndex, 503, null);
            return;
        }

        var destination = new SipEndPoint(protocol, new System.Net.IPEndPoint(address, target.Port ?? 5060));
        var caller = _invite.Request.From;
        var leg = new DialogLeg
        {
            CallId = SipIdentifiers.NewCallId(AdvertisedHost),
            LocalTag = SipIdentifiers.NewTag(),
            Local = new SipNameAddress
            {
                DisplayName = caller.DisplayName,
                Uri = new SipUri { Scheme = SipUri.SipScheme, User = _callerSent, Host = AdvertisedHost },
            },
            Remote = new SipNameAddress { Uri = target with { Parameters = SipParameters.Empty } },
            RemoteTarget = target,
            Destination = destination,
            Contact = ContactFor(protocol),
        };
        var request = leg.CreateRequest(SipMethods.Invite);
        // RFC 7332 §3: the hop count goes on (ingress has taken one off), so B2BUAs routing to each other cannot loop forever.
        request.MaxForwards = _invite.Request.MaxForwards;
        CopyPassthroughHeaders(_invite.Request, request);
        AddSessionTimerOffer(request);
        request.Headers.Add(SipHeaderKind.UserAgent, _services.Options.Product);
        CrossSession(_invite.Request, request, SessionCrossing.CallerToVendor);

        var attempt = new OutboundAttempt(gateway, leg, cdrIndex);
        _current = attempt;
        _record.SetCalleeSent(target.User ?? "");
        _services.Registry.Add(leg, this);
        // The handler goes on before the INVITE leaves: a vendor may ring within a millisecond.
        var transaction = _services.Layer.SendRequest(request, destination, (_, response) => Post(() => OnProvisional(attempt, response)));
        attempt.Transaction = transaction;
        transaction.FinalResponse.ContinueWith(
            t => Post(() => OnFinal(attempt, t.Result)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        var timeout = gateway.NoAnswerTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : _services.Options.DefaultNoAnswerTimeout;
        attempt.NoAnswerTimer = _services.Time.CreateTimer(_ => Post(() => OnNoAnswer(attempt)), null, timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnProvisional(OutboundAttempt attempt, SipResponse response)
    {
        if (attempt != _current || _state != CallState.Routing || response.StatusCode == 100)
        {
            return;
        }

        if (_record.MarkRinging(_services.Time.GetUtcNow()))
        {
            Publish(CallEventKind.Ringing);
        }

        var relayed = _invite.CreateResponse(response.StatusCode, response.ReasonPhrase, _callerLeg.LocalTag);
        relayed.Headers.Add(SipHeaderKind.Contact, _callerLeg.Contact);
        CrossSession(response, relayed, SessionCrossing.VendorToCaller);
        _invite.SendResponse(relayed);
    }

    private void OnFinal(OutboundAttempt attempt, SipResponse response)
    {
        attempt.NoAnswerTimer?.Dispose();
        if (attempt.Abandoned || attempt != _current || _state != CallState.Routing)
        {
            if (response.IsSuccess)
            {
                HangUpLateAnswer(attempt, response);
            }
            else
            {
                _services.Registry.Remove(attempt.Leg);
            }

            return;
        }

        if (response.IsSuccess)
        {
            OnAnswered(attempt, response);
            return;
        }

        _services.Registry.Remove(attempt.Leg);
        if (response.StatusCode is >= 300 and < 400 && TryRecurse(attempt, response))
        {
            return;
        }

        OnAttemptFailed(attempt.Gateway, attempt.CdrIndex, response.StatusCode, response);
    }

    /// <summary>A 3xx from a gateway set to Recurse: try its Contacts in turn on the same gateway slot.</summary>
    private bool TryRecurse(OutboundAttempt attempt, SipResponse response)
    {
        if (attempt.Gateway.RedirectPolicy != RedirectPolicy.Recurse)
        {
            return false;
        }

        _redirects ??= new Queue<SipNameAddress>(response.Contacts.Where(c => !c.IsWildcard).Take(_services.Options.MaxRedirectTargets));
        if (_redirects.Count == 0 || _invitesSent >= _services.Options.MaxAttempts)
        {
            return false;
        }

        _record.SetAttemptCode(attempt.CdrIndex, response.StatusCode);
        SendInvite(attempt.Gateway, _redirects.Dequeue().Uri);
        return true;
    }

    private void OnNoAnswer(OutboundAttempt attempt)
    {
        if (attempt != _current || _state != CallState.Routing || attempt.Abandoned)
        {
            return;
        }

        attempt.Abandoned = true;
        _services.Layer.Cancel(attempt.Transaction!);
        OnAttemptFailed(attempt.Gateway, attempt.CdrIndex, 408, null);
    }

    private void OnAttemptFailed(RoutingGatewayEntry gateway, int cdrIndex, int statusCode, SipResponse? response)
    {
        _record.SetAttemptCode(cdrIndex, statusCode);
        if (_redirects is { Count: > 0 } && _invitesSent < _services.Options.MaxAttempts)
        {
            SendInvite(gateway, _redirects.Dequeue().Uri);
            return;
        }

        _current = null;
        var decision = _routing!.Fail(statusCode);
        if (decision == FailoverDecision.Failover)
        {
            NextGateway();
            return;
        }

        FailCaller(statusCode, response, "Rejected by vendor", HangupSide.Callee);
    }

    /// <summary>Ends an unanswered call with <paramref name="status"/> to the caller, once its CDR is durable.</summary>
    private void FailCaller(int status, SipResponse? vendorResponse, string reasonText, HangupSide side)
    {
        _state = CallState.Ended;
        var response = _invite.CreateResponse(status, vendorResponse?.ReasonPhrase, _callerLeg.LocalTag);
        var vendorReason = vendorResponse?.Headers[ReasonHeader.Name];
        response.Headers.Add(ReasonHeader.Name, vendorReason ?? ReasonHeader.Q850(Q850Cause.FromSipStatus(status), reasonText));
        if (status == 503)
        {
            response.Headers.Add(SipHeaderKind.RetryAfter, ((int)_services.Options.OverloadRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        if (vendorResponse is not null && status is >= 300 and < 400)
        {
            vendorResponse.Headers.CopyTo(response.Headers, SipHeaderKind.Contact);
        }

        _services.Counters.Failed();
        Finish(status, side, () => _invite.SendResponse(response));
    }

    private void HangUpLateAnswer(OutboundAttempt attempt, SipResponse response)
    {
        // RFC 3261 §15: a 2xx the call no longer wants is acknowledged, then ended with BYE.
        attempt.Leg.RemoteTag = response.To.Tag;
        attempt.Leg.RemoteTarget = ContactUri(response) ?? attempt.Leg.RemoteTarget;
        attempt.Leg.RouteSet = response.RecordRoutes.Reverse().ToList();
        SendAck(attempt.Leg, attempt.Leg.CreateAck(response.CSeq.Number));
        SendBye(attempt.Leg, ReasonHeader.Sip(487, "Call no longer wanted"));
        _services.Registry.Remove(attempt.Leg);
    }

    private void CopyPassthroughHeaders(SipRequest from, SipRequest to)
    {
        foreach (var name in _services.Options.PassthroughHeaders)
        {
            var index = -1;
            while ((index = from.Headers.IndexOf(name, index + 1)) >= 0)
            {
                to.Headers.Add(from.Headers.NameAt(index), from.Headers.ValueAt(index));
            }
        }
    }

    private static SipUri? ContactUri(SipMessage message) => message.Contacts is { Count: > 0 } contacts ? contacts[0].Uri : null;

    /// <summary>Every session description that crosses between the legs goes through here (the media relay's hook).</summary>
    private void CrossSession(SipMessage from, SipMessage to, SessionCrossing crossing) =>
        _services.Sessions.Cross(_callerLeg.CallId, from, to, crossing);

    private string AdvertisedHost
    {
        get
        {
            var address = _services.Layer.Transport.AdvertisedEndPoint.Address;
            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        }
    }

    private string ContactFor(SipTransportProtocol protocol)
    {
        var port = _services.Layer.Transport.AdvertisedEndPoint.Port.ToString(CultureInfo.InvariantCulture);
        return protocol == SipTransportProtocol.Tcp
            ? string.Concat("<sip:", AdvertisedHost, ":", port, ";transport=tcp>")
            : string.Concat("<sip:", AdvertisedHost, ":", port, ">");
    }

    /// <summary>A state change goes out on the call-event stream; the CDR recorder journals it.</summary>
    private void Publish(CallEventKind kind) => Observe(_services.Events.PublishAsync(new CallEvent(kind, ++_eventSequence, _record.Snapshot())));

    private void Observe(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().ContinueWith(
                t => _services.Logger.LogError(t.Exception, "Publishing a state change of call {CallId} (its CDR journal) failed", _callerLeg.CallId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
