using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Redirect;

/// <summary>
/// Asks a SIP routing server with an INVITE built from the caller's (no body: it is a question, not a session): the
/// callee in the Request-URI, the caller in From, the caller's passthrough headers (P-Asserted-Identity…), in a
/// client transaction of its own. The transaction layer acknowledges every non-2xx final (RFC 3261 §17.1.1.3). A 2xx
/// (a server should not answer so) is acknowledged and hung up with BYE, and counts as a failure. At the timeout the
/// INVITE is abandoned: CANCELled when a provisional came, else ended at once, since §9.1 allows no CANCEL yet
/// (<see cref="SipTransactionLayer.Abandon"/>), so a silent server holds no transaction until Timer B.
/// </summary>
internal sealed class SipRoutingServerClient(SipTransactionLayer layer, SwitchAddress address, GatewayAddressResolver resolver, B2buaOptions options)
    : IRoutingServerClient
{
    public async Task<RoutingServerAnswer> AskAsync(RoutingServer server, RoutingQuery query, IReadOnlyList<string> carryHeaders, CancellationToken cancellationToken)
    {
        var uri = server.Sip ?? throw new ArgumentException("Not a SIP routing server.", nameof(server));
        System.Net.IPEndPoint? ip;
        try
        {
            ip = await resolver.ResolveAsync(uri.Host, uri.Port ?? 5060).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return RoutingServerAnswer.Failed(408, "Timeout resolving the server");
        }

        if (ip is null)
        {
            return RoutingServerAnswer.Failed(503, "Unresolvable server");
        }

        var protocol = string.Equals(uri.Transport, "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
        var target = new SipUri { Scheme = SipUri.SipScheme, User = query.Callee, Host = uri.Host, Port = uri.Port, Parameters = uri.Parameters };
        var leg = new DialogLeg
        {
            CallId = SipIdentifiers.NewCallId(address.Host),
            LocalTag = SipIdentifiers.NewTag(),
            Local = new SipNameAddress { Uri = new SipUri { Scheme = SipUri.SipScheme, User = query.Caller, Host = address.Host } },
            Remote = new SipNameAddress { Uri = target with { Parameters = SipParameters.Empty } },
            RemoteTarget = target,
            Destination = new SipEndPoint(protocol, ip),
            Contact = address.Contact(protocol),
        };
        var invite = leg.CreateRequest(SipMethods.Invite);
        invite.MaxForwards = query.Invite.MaxForwards;
        foreach (var name in options.PassthroughHeaders)
        {
            var index = -1;
            while ((index = query.Invite.Headers.IndexOf(name, index + 1)) >= 0)
            {
                invite.Headers.Add(query.Invite.Headers.NameAt(index), query.Invite.Headers.ValueAt(index));
            }
        }

        invite.Headers.Add(SipHeaderKind.UserAgent, options.Product);
        if (cancellationToken.IsCancellationRequested)
        {
            return RoutingServerAnswer.Failed(408, "Timeout");
        }

        var transaction = layer.SendRequest(invite, leg.Destination);
        var final = transaction.FinalResponse;
        var gaveUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => gaveUp.TrySetResult()).ConfigureAwait(false))
        {
            if (await Task.WhenAny(final, gaveUp.Task).ConfigureAwait(false) != final)
            {
                layer.Abandon(transaction, response => HangUp(leg, response));
                return RoutingServerAnswer.Failed(408, "Timeout");
            }
        }

        var response = await final.ConfigureAwait(false);
        if (response.IsSuccess)
        {
            HangUp(leg, response);
            return RoutingServerAnswer.Failed(response.StatusCode, "2xx from a routing server");
        }

        return Read(response, carryHeaders);
    }

    /// <summary>What a final non-2xx answer means (issue 10 §2).</summary>
    internal static RoutingServerAnswer Read(SipResponse response, IReadOnlyList<string> carryHeaders)
    {
        switch (response.StatusCode)
        {
            case 301 or 302:
                var targets = response.Contacts.Where(c => !c.IsWildcard)
                    .Take(RedirectSettings.MaxTargets * 2)
                    .Select(c => new RedirectTarget(c.Uri, null, RedirectTargets.QOf(c)))
                    .ToArray();
                return new RoutingServerAnswer(RoutingServerVerdict.Redirect, response.StatusCode, targets, RedirectHeaders.Pick(response.Headers, carryHeaders), "Redirected");
            case 404:
                return RoutingServerAnswer.OwnRoutes(404);
            case 403 or 603:
                return RoutingServerAnswer.Refuse(response.StatusCode, response.ReasonPhrase);
            default:
                return RoutingServerAnswer.Failed(response.StatusCode, $"Answered {response.StatusCode}");
        }
    }

    private void HangUp(DialogLeg leg, SipResponse response)
    {
        // RFC 3261 §13.2.2.4 and §15: a 2xx is acknowledged even when unwanted, then the session is ended.
        leg.RemoteTag = response.To.Tag;
        leg.RemoteTarget = DialogLeg.ContactUri(response) ?? leg.RemoteTarget;
        leg.RouteSet = DialogLeg.RouteSetFrom(response.RecordRoutes, reversed: true);
        _ = layer.SendAckAsync(leg.CreateAck(response.CSeq.Number), leg.Destination).AsTask();
        var bye = leg.CreateRequest(SipMethods.Bye);
        bye.Headers.Add(ReasonHeader.Name, ReasonHeader.Sip(487, "Routing query only"));
        layer.SendRequest(bye, leg.Destination);
    }
}
