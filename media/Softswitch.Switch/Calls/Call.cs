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
/// dialog (the switch is its UAC). Every event of the call runs through its <see cref="SerialExecutor"/> base, in order.
/// This part sets the call up: routing, attempts, failover and the caller's final answer.
/// </summary>
internal sealed partial class Call : SerialExecutor
{
    private readonly B2buaServices _services;
    private readonly AdmissionContext _admission;
    private readonly CallOrigin _origin;
    private readonly CallerLeg _caller;
    private readonly string _callerSent;
    private readonly CallRecord _record;
    private long _eventSequence;
    private CallRouting? _routing;
    private VendorLeg? _current;
    private Queue<SipNameAddress>? _redirects;
    private int _invitesSent;
    private CallState _state = CallState.Routing;

    public Call(B2buaServices services, AdmissionContext admission)
        : base(services.Logger)
    {
        _services = services;
        _admission = admission;
        _origin = admission.Origin ?? throw new ArgumentException("An admitted call has an origin.", nameof(admission));
        var request = admission.Request;
        _caller = new CallerLeg(admission.Transaction, services.Address.Contact(request.Source!.Value.Protocol));
        _callerSent = _origin.Gateway?.RewriteCaller(_origin.Caller) ?? _origin.Caller;
        _record = new CallRecord(_origin, request.CallId, _origin.Caller, _origin.Callee, services.Time.GetUtcNow(), _callerSent)
        {
            Rate = admission.Billing?.Tariff,
            Packages = admission.Billing?.Packages?.Grant,
            Metadata = CallMetadata.Capture(request, services.MetadataHeaders.For(_origin.Tenant.TenantId)),
        };
        _caller.Claim!.Bind(this);
        admission.HandOverTransaction();
    }

    /// <summary>The call's INVITE claim, until its final answer (see <see cref="LingerInviteClaim"/>).</summary>
    public InviteClaim Claim => _caller.Claim ?? throw new InvalidOperationException("The INVITE claim was already released.");

    /// <summary>The id the call's CDR will have.</summary>
    public string CdrId => _record.Id;

    public void Start() => Run(Begin);

    public bool IsInvite(SipServerTransaction transaction) => _caller.IsAnswering(transaction);

    private void Begin()
    {
        _services.Counters.Accepted();
        _services.Registry.Add(_caller.Dialog, this);
        Publish(CallEventKind.Created);
        if (StartRedirectQuery())
        {
            return;
        }

        StartRouting(_services.Router.Plan(_origin, _services.Random));
    }

    private void StartRouting(RoutePlan plan)
    {
        _routing = new CallRouting(plan, _services.Capacity, _services.Options.MaxAttempts, _services.VendorRates, _services.GatewayHealth);
        _phone = plan.Phone is { } phone ? new PhoneRinging(phone, plan.Attempts.Count > 0) : null;
        NextGateway();
    }

    private void NextGateway()
    {
        _redirects = null;
        if (_phone is { } phone && RingPhone(phone))
        {
            return;
        }

        if (_invitesSent >= _services.Options.MaxAttempts || !_routing!.TryStartNext(out var attempt))
        {
            var code = _routing!.FinalCode ?? CallerFinalResponse.Choose(_record.AttemptCodes);
            if (_routing.Refusal is { } refusal)
            {
                FailCaller(code, null, refusal.Reason!, HangupSide.Switch);
                return;
            }

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
        var resolving = _services.Resolver.ResolveAsync(target.Host, target.Port ?? 5060);
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

    private void Dispatch(RoutingGatewayEntry gateway, SipUri target, SipTransportProtocol protocol, int cdrIndex, System.Net.IPEndPoint? destination)
    {
        if (_state != CallState.Routing)
        {
            _record.SetAttemptCode(cdrIndex, 487);
            return;
        }

        if (destination is null)
        {
            // An unresolvable vendor host is the vendor's failure, like an unreachable one (RFC 3261 §8.1.3.1).
            OnAttemptFailed(gateway, cdrIndex, 503, null);
            return;
        }

        var timeout = gateway.NoAnswerTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : _services.Options.DefaultNoAnswerTimeout;
        SendTo(gateway, target, new SipEndPoint(protocol, destination), cdrIndex, timeout);
    }

    /// <summary>Sends the INVITE of one attempt: to a gateway, or (with no <paramref name="gateway"/>) to a phone's contact.</summary>
    private void SendTo(RoutingGatewayEntry? gateway, SipUri target, SipEndPoint destination, int cdrIndex, TimeSpan noAnswer)
    {
        var protocol = destination.Protocol;
        var invite = _caller.Invite;
        var leg = new DialogLeg
        {
            CallId = SipIdentifiers.NewCallId(_services.Address.Host),
            LocalTag = SipIdentifiers.NewTag(),
            Local = new SipNameAddress
            {
                DisplayName = invite.From.DisplayName,
                Uri = new SipUri { Scheme = SipUri.SipScheme, User = _callerSent, Host = _services.Address.Host },
            },
            Remote = new SipNameAddress { Uri = target with { Parameters = SipParameters.Empty } },
            RemoteTarget = target,
            Destination = destination,
            Contact = _services.Address.Contact(protocol),
        };
        var request = leg.CreateRequest(SipMethods.Invite);
        // RFC 7332 §3: the hop count goes on (ingress has taken one off), so B2BUAs routing to each other cannot loop forever.
        request.MaxForwards = invite.MaxForwards;
        CopyPassthroughHeaders(invite, request);
        AddRedirectHeaders(request);
        AddSessionTimerOffer(invite, request);
        request.Headers.Add(SipHeaderKind.UserAgent, _services.Options.Product);
        CrossSession(invite, request, SessionCrossing.CallerToVendor);

        var vendor = new VendorLeg(gateway, leg, cdrIndex);
        if (_fork is { } fork)
        {
            fork.Add(vendor);
        }
        else
        {
            _current = vendor;
        }

        _record.SetCalleeSent(target.User ?? "");
        _services.Registry.Add(leg, this);
        vendor.Send(
            _services.Layer,
            request,
            (_, response) => Post(() => OnProvisional(vendor, response)),
            (_, response) => Post(() => OnFinal(vendor, response)));
        vendor.ArmNoAnswer(_services.Time.CreateTimer(_ => Post(() => OnNoAnswer(vendor)), null, noAnswer, Timeout.InfiniteTimeSpan));
    }

    private void OnProvisional(VendorLeg vendor, SipResponse response)
    {
        if (!IsRinging(vendor) || _state != CallState.Routing || response.StatusCode == 100)
        {
            return;
        }

        if (FenceRefuses(vendor, response) is { } rule)
        {
            vendor.Abandon(_services.Layer);
            FailFencedVendor(vendor, rule);
            return;
        }

        if (vendor.Gateway is null)
        {
            vendor.RestartNoAnswer(_services.Options.TimerC);
        }

        if (_record.MarkRinging(_services.Time.GetUtcNow()))
        {
            Publish(CallEventKind.Ringing);
        }

        if (_fork is { } fork && !fork.Relays(vendor))
        {
            return;
        }

        var relayed = _caller.CreateResponse(response.StatusCode, response.ReasonPhrase);
        relayed.Headers.Add(SipHeaderKind.Contact, _caller.Dialog.Contact);
        CrossSession(response, relayed, SessionCrossing.VendorToCaller);
        _caller.SendProvisional(relayed);
    }

    private void OnFinal(VendorLeg vendor, SipResponse response)
    {
        vendor.OnFinal();
        if (vendor.Abandoned || !IsRinging(vendor) || _state != CallState.Routing)
        {
            if (response.IsSuccess)
            {
                HangUpLateAnswer(vendor, response);
            }
            else
            {
                _services.Registry.Remove(vendor.Dialog);
            }

            return;
        }

        if (response.IsSuccess)
        {
            if (FenceRefuses(vendor, response) is { } rule)
            {
                HangUpLateAnswer(vendor, response);
                FailFencedVendor(vendor, rule);
                return;
            }

            CancelOtherBranches(vendor);
            OnAnswered(vendor, response);
            return;
        }

        _services.Registry.Remove(vendor.Dialog);
        if (_fork is not null)
        {
            OnBranchFailed(vendor, response.StatusCode, response);
            return;
        }

        if (response.StatusCode is >= 300 and < 400 && TryRecurse(vendor, response))
        {
            return;
        }

        OnAttemptFailed(vendor.Gateway, vendor.CdrIndex, response.StatusCode, response);
    }

    /// <summary>A 3xx from a gateway set to Recurse: try its Contacts in turn on the same gateway slot.</summary>
    private bool TryRecurse(VendorLeg vendor, SipResponse response)
    {
        if (vendor.Gateway?.RedirectPolicy != RedirectPolicy.Recurse)
        {
            return false;
        }

        _redirects ??= new Queue<SipNameAddress>(response.Contacts.Where(c => !c.IsWildcard).Take(_services.Options.MaxRedirectTargets));
        if (_redirects.Count == 0 || _invitesSent >= _services.Options.MaxAttempts)
        {
            return false;
        }

        _record.SetAttemptCode(vendor.CdrIndex, response.StatusCode);
        SendInvite(vendor.Gateway!, _redirects.Dequeue().Uri);
        return true;
    }

    private void OnNoAnswer(VendorLeg vendor)
    {
        if (!IsRinging(vendor) || _state != CallState.Routing || vendor.Abandoned)
        {
            return;
        }

        vendor.Abandon(_services.Layer);
        if (_fork is not null)
        {
            OnBranchFailed(vendor, 408, null);
            return;
        }

        OnAttemptFailed(vendor.Gateway, vendor.CdrIndex, 408, null);
    }

    private void OnAttemptFailed(RoutingGatewayEntry? gateway, int cdrIndex, int statusCode, SipResponse? response)
    {
        _record.SetAttemptCode(cdrIndex, statusCode);
        if (gateway is null)
        {
            OnPhoneContactFailed(statusCode, response);
            return;
        }

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
        var response = _caller.CreateResponse(status, vendorResponse?.ReasonPhrase);
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
        Finish(status, side, () => _caller.SendFinal(response));
    }

    private void HangUpLateAnswer(VendorLeg vendor, SipResponse response)
    {
        // RFC 3261 §15: a 2xx the call no longer wants is acknowledged, then ended with BYE.
        vendor.Confirm(response);
        SendAck(vendor.Dialog, vendor.Dialog.CreateAck(response.CSeq.Number));
        SendBye(vendor.Dialog, ReasonHeader.Sip(487, "Call no longer wanted"));
        _services.Registry.Remove(vendor.Dialog);
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

    /// <summary>Every session description that crosses between the legs goes through here (the media relay's hook).</summary>
    private void CrossSession(SipMessage from, SipMessage to, SessionCrossing crossing) =>
        _services.Sessions.Cross(_caller.Dialog.CallId, from, to, crossing);

    /// <summary>A state change goes out on the call-event stream; the CDR recorder journals it.</summary>
    private void Publish(CallEventKind kind) => Observe(_services.Events.PublishAsync(new CallEvent(kind, ++_eventSequence, _record.Snapshot())));

    private void Observe(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().ContinueWith(
                t => _services.Logger.LogError(t.Exception, "Publishing a state change of call {CallId} (its CDR journal) failed", _caller.Dialog.CallId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
