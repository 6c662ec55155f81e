using System.Globalization;
using Microsoft.Extensions.Logging;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Calls;

/// <summary>
/// The back-to-back user agent: admits new INVITEs (overload, session-timer floor, ingress), starts a <see cref="Call"/>
/// for each, and hands every later message of a call to it. Reads configuration only from the current snapshot.
/// </summary>
public sealed class B2buaCore : IDisposable
{
    private readonly B2buaServices _services;
    private readonly ISwitchConfigSource _config;
    private readonly CallIngress _ingress;

    public B2buaCore(
        SipTransactionLayer layer,
        ISwitchConfigSource config,
        CallCapacity capacity,
        ICdrSink cdrs,
        DigestAuthenticator authenticator,
        B2buaOptions options,
        TimeProvider time,
        ILogger<B2buaCore> logger)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var retransmitter = new AnsweredInviteRetransmitter(layer.Transport, layer.Options, time);
        _services = new B2buaServices(
            layer, options, time, capacity, cdrs, new CallRegistry(), retransmitter, new GatewayAddressResolver(time), Counters, logger);
        _config = config;
        _ingress = new CallIngress(authenticator);
        retransmitter.AckTimedOut += OnAckTimedOut;
    }

    public B2buaCounters Counters { get; } = new();

    /// <summary>Dialogs the switch still tracks; returns to 0 when no call is up (a leak check).</summary>
    public int DialogCount => _services.Registry.DialogCount;

    /// <summary>A new INVITE outside any dialog.</summary>
    public async Task OnInviteAsync(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (!request.TryDecrementMaxForwards())
        {
            transaction.Respond(483);
            return;
        }

        var unsupported = request.Headers.GetListValues(SipHeaderKind.Require)
            .Where(tag => !string.Equals(tag, SessionExpires.TimerOptionTag, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (unsupported.Count > 0)
        {
            // RFC 3261 §8.2.2.3: an extension the caller requires and we lack (100rel, for one) gets 420.
            var badExtension = transaction.CreateResponse(420);
            badExtension.Headers.Add(SipHeaderKind.Unsupported, string.Join(", ", unsupported));
            transaction.SendResponse(badExtension);
            return;
        }

        if (SessionExpires.From(request) is { } asked && asked.Interval < _services.Options.MinSessionExpires)
        {
            // RFC 4028 §8.1: too small an interval is refused with our minimum.
            var tooSmall = transaction.CreateResponse(422);
            tooSmall.Headers.Add(SessionExpires.MinSeHeader, ((long)_services.Options.MinSessionExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            transaction.SendResponse(tooSmall);
            return;
        }

        if (DialogHeadersError(request) is { } malformed)
        {
            // The caller's Contact and Record-Route become our dialog state (RFC 3261 §12.1.1); unparseable ones get 400.
            Counters.Malformed();
            transaction.Respond(400, malformed);
            return;
        }

        var verdict = await _ingress.AdmitAsync(_config.Current, request).ConfigureAwait(false);
        if (verdict.Origin is not { } origin)
        {
            if (verdict.Ambiguous)
            {
                Counters.AmbiguousIngress();
            }

            if (verdict.Forbidden)
            {
                Counters.Forbidden();
                _services.Logger.LogInformation("Refused INVITE {CallId} from {Source}: {Reason}", request.CallId, request.Source, verdict.Response!.ReasonPhrase);
            }

            transaction.SendResponse(verdict.Response!);
            return;
        }

        if (!Counters.TryStartCall(_services.Options.MaxActiveCalls))
        {
            Counters.Overload();
            var busy = transaction.CreateResponse(503);
            busy.Headers.Add(SipHeaderKind.RetryAfter, ((int)_services.Options.OverloadRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            busy.Headers.Add(ReasonHeader.Name, ReasonHeader.Sip(503, "Switch overloaded"));
            transaction.SendResponse(busy);
            return;
        }

        // From here the active-call slot belongs to a started call, which gives it back when it finishes; on every
        // other path (a late INVITE copy, a throw while building the call) it is given back here.
        var started = false;
        try
        {
            var call = new Call(_services, transaction, origin);
            if (!_services.Registry.TryClaimInvite(request.CallId, request.From.Tag ?? "", call, out var owner))
            {
                // A copy of an INVITE that already made a call; that call answers it, so its transaction ends.
                owner.Post(() => owner.AnswerLateCopy(transaction));
                return;
            }

            call.Start();
            started = true;
        }
        finally
        {
            if (!started)
            {
                Counters.CallEnded();
            }
        }
    }

    private static string? DialogHeadersError(SipRequest request)
    {
        try
        {
            _ = request.Contacts;
            _ = request.RecordRoutes;
            return null;
        }
        catch (SipParseException exception)
        {
            return exception.Error.ReasonPhrase;
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

    public void OnCancel(SipServerTransaction invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
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
