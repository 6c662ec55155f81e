using System.Globalization;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;
using Softswitch.Switch.Events;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Geofencing;
using Softswitch.Switch.Health;
using Softswitch.Switch.Numbers;
using Softswitch.Switch.Redirect;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Sessions;

namespace Softswitch.Switch.Calls;

/// <summary>
/// The back-to-back user agent: runs each new INVITE through the <see cref="AdmissionPipeline"/>, starts a
/// <see cref="Call"/> for each admitted one, and hands every later message of a call to it. Reads configuration only
/// from the current snapshot. Every call's state changes go out on one call-event stream: the CDR recorder first,
/// then <c>callEventConsumers</c> (webhooks and alarms plug in there).
/// </summary>
public sealed class B2buaCore : IDisposable
{
    private readonly B2buaServices _services;
    private readonly ISwitchConfigSource _config;
    private readonly CallIdLanes _lanes;
    private readonly RefusalRecorder _refusals;
    private readonly Func<object, ValueTask> _admit;
    private readonly Func<object, ValueTask> _cancel;
    private readonly string _retryAfter;

    public B2buaCore(
        SipTransactionLayer layer,
        ISwitchConfigSource config,
        CallCapacity capacity,
        ICdrSink cdrs,
        DigestAuthenticator authenticator,
        B2buaOptions options,
        TimeProvider time,
        ILogger<B2buaCore> logger,
        ICallRouter? router = null,
        ISessionDescriptionBridge? sessions = null,
        IReadOnlyList<ICallEventConsumer>? callEventConsumers = null,
        ISecurityEventSink? securityEvents = null,
        GeofencePolicySource? geofences = null,
        DynamicBlacklist? dynamicBlacklist = null,
        INumberPlanSource? numbers = null,
        SwitchBilling? billing = null,
        ICallMetadataHeaders? metadataHeaders = null,
        RedirectProfileSource? redirectProfiles = null,
        IRoutingServerClient? httpRoutingServers = null,
        PeerHealthBoard? gatewayHealth = null,
        RoutingServerHealth? routingServerHealth = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(options);
        var retransmitter = new AnsweredInviteRetransmitter(layer.Transport, layer.Options, time);
        numbers ??= NumberPlanSource.Unconfigured;
        Admission = new AdmissionPipeline(
            AdmissionStages.Default(
                options, Counters, cdrs, new CallIngress(authenticator), capacity, time, logger, geofences ??= new GeofencePolicySource(), numbers, dynamicBlacklist, billing),
            time);
        IReadOnlyList<ICallEventConsumer> outcomes = dynamicBlacklist is null ? [] : [new DynamicBlacklistOutcomes(dynamicBlacklist)];
        var resolver = new GatewayAddressResolver(time);
        _services = new B2buaServices(
            layer, options, time, capacity, new CallEventStream([new CdrEventRecorder(cdrs), .. outcomes, .. callEventConsumers ?? []]), new CallRegistry(time, layer.Options.T1 * 64), retransmitter, resolver, Counters, Admission,
            new NumberScreenedRouter(router ?? PrefixCallRouter.Instance, numbers), sessions ?? SignallingOnlySessionBridge.Instance, geofences, logger)
        {
            Billing = billing,
            MetadataHeaders = metadataHeaders ??= NoCallMetadata.Instance,
            Numbers = numbers,
            GatewayHealth = gatewayHealth,
            Redirects = redirectProfiles is null
                ? null
                : new RedirectClient(redirectProfiles, new SipRoutingServerClient(layer, new SwitchAddress(layer.Transport), resolver, options), httpRoutingServers, time)
                {
                    Health = routingServerHealth,
                },
        };
        _config = config;
        _refusals = new RefusalRecorder(_services.Events, securityEvents, metadataHeaders, time, logger);
        _lanes = new CallIdLanes(options.AdmissionLanes, options.MaxPendingAdmissions, logger);
        _retryAfter = ((int)options.OverloadRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        _admit = state => AdmitAsync((SipServerTransaction)state);
        _cancel = state =>
        {
            Cancel((SipServerTransaction)state);
            return ValueTask.CompletedTask;
        };
        retransmitter.AckTimedOut += OnAckTimedOut;
    }

    public B2buaCounters Counters { get; } = new();

    /// <summary>The 3xx redirect client's counters; null on a switch without redirect profiles.</summary>
    public RedirectCounters? RedirectCounters => _services.Redirects?.Counters;

    /// <summary>The ordered admission stages every new INVITE goes through, with their counters.</summary>
    public AdmissionPipeline Admission { get; }

    /// <summary>Dialogs the switch still tracks; returns to 0 when no call is up (a leak check).</summary>
    public int DialogCount => _services.Registry.DialogCount;

    /// <summary>Initial INVITEs still claimed: by live calls, and for 64*T1 after each call (a leak check).</summary>
    public int InviteClaimCount => _services.Registry.InviteClaimCount;

    /// <summary>Calls to the phone up now (ringing or answered), against its line count.</summary>
    public int PhoneLinesInUse(string phoneId) => _services.PhoneLines.InUse(phoneId);

    /// <summary>2xx answers being retransmitted until their ACK (a leak check).</summary>
    public int AnswersRetransmitting => _services.Retransmitter.Count;

    /// <summary>
    /// A new INVITE outside any dialog. Admission runs off the caller's thread (the receive loop), on the lane of its
    /// Call-ID, so a slow stage never stalls intake and the INVITE's CANCEL is handled after it.
    /// </summary>
    public void OnInvite(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (!_lanes.TryPost(transaction.Request.CallId, _admit, transaction))
        {
            // Admission is this far behind: refuse at once, on the receive loop, rather than queue without bound.
            Counters.Overload();
            var busy = transaction.CreateResponse(503);
            busy.Headers.Add(SipHeaderKind.RetryAfter, _retryAfter);
            busy.Headers.Add(ReasonHeader.Name, ReasonHeader.Sip(503, "Admission backlog full"));
            transaction.SendResponse(busy);
        }
    }

    /// <summary>INVITEs queued for admission or being admitted (a gauge; bounded by <see cref="B2buaOptions.MaxPendingAdmissions"/>).</summary>
    public int PendingAdmissions => _lanes.Pending;

    private async ValueTask AdmitAsync(SipServerTransaction transaction)
    {
        var context = new AdmissionContext(transaction, _config.Current);
        AdmissionDecision decision;
        try
        {
            var running = Admission.RunAsync(context);
            decision = running.IsCompletedSuccessfully ? running.Result : await running.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _services.Logger.LogError(exception, "Admission of INVITE {CallId} failed", transaction.Request.CallId);
            transaction.Respond(500);
            return;
        }

        if (decision.Verdict == AdmissionVerdict.Reject && context.Origin is not null)
        {
            // Awaited on the lane: the refusal's CDR is durable before the answer, and the lane's bound holds.
            await _refusals.RefuseAsync(context, decision).ConfigureAwait(false);
        }
        else if (!decision.IsContinue)
        {
            transaction.SendResponse(decision.Response!);
        }
        else
        {
            StartCall(context);
        }
    }

    /// <summary>
    /// From here the reservations admission made belong to a started call, which gives them back when it finishes; on
    /// every other path (a late INVITE copy, a throw while building the call) they are given back here.
    /// </summary>
    private void StartCall(AdmissionContext context)
    {
        var transaction = context.Transaction;
        var source = transaction.Remote.EndPoint.Address;
        var started = false;
        try
        {
            var call = new Call(_services, context);
            if (!_services.Registry.TryClaimInvite(call.Claim, out var owner))
            {
                // A copy of an INVITE that already made a call: the claim answers it, so its transaction ends.
                owner.AnswerCopy(transaction, _services.Retransmitter);
                return;
            }

            if (context.Monitored is not null)
            {
                _refusals.RecordMonitored(context, source, call.CdrId);
            }

            call.Start();
            started = true;
        }
        catch (Exception exception)
        {
            _services.Logger.LogError(exception, "Starting call {CallId} failed", transaction.Request.CallId);
            transaction.Respond(500);
        }
        finally
        {
            if (!started)
            {
                Admission.Release(context);
            }
        }
    }

    /// <summary>A request with a To tag: it belongs to a dialog of a call, or to none (481, RFC 3261 §12.2.2).</summary>
    public void OnDialogRequest(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (_services.Registry.Find(request.CallId, request.To.Tag) is { } call)
        {
            call.Post(() => call.OnDialogRequest(transaction));
        }
        else
        {
            transaction.Respond(481);
        }
    }

    /// <summary>A CANCEL for a pending INVITE: handled on the INVITE's lane, so after its admission.</summary>
    public void OnCancel(SipServerTransaction invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        _lanes.Post(invite.Request.CallId, _cancel, invite);
    }

    private void Cancel(SipServerTransaction invite)
    {
        var request = invite.Request;
        if (_services.Registry.FindInvite(request.CallId, request.From.Tag) is { } call && call.IsInvite(invite))
        {
            call.Post(call.OnCallerCancel);
        }
    }

    public void OnAck(SipRequest ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        _services.Retransmitter.TryAcknowledge(ack);
        if (_services.Registry.Find(ack.CallId, ack.To.Tag) is { } call)
        {
            call.Post(() => call.OnCallerAck(ack));
        }
    }

    public void OnStrayResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccess && response.CSeq.Method == SipMethods.Invite && _services.Registry.Find(response.CallId, response.From.Tag) is { } call)
        {
            call.Post(() => call.OnVendorRetransmitted2xx(response));
        }
    }

    public void Dispose() => _services.Retransmitter.Dispose();

    private void OnAckTimedOut(UnacknowledgedAnswer answer)
    {
        if (_services.Registry.Find(answer.CallId, answer.Response.To.Tag) is { } call)
        {
            // RFC 3261 §13.3.1.4: no ACK for the 2xx within 64*T1 ends the session.
            call.Post(() => call.EndBySwitch(ReasonHeader.Sip(408, "No ACK for 2xx")));
        }
    }
}
