using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Serialization;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17): receives messages from a transport, matches them to client and server
/// transactions, creates server transactions for new requests and hands them to the <see cref="ISipTransactionUser"/>.
/// Terminated transactions leave the tables at once, so <see cref="TransactionCount"/> returns to zero when idle.
/// </summary>
public sealed class SipTransactionLayer : ISipMessageReceiver
{
    private readonly ConcurrentDictionary<SipTransactionKey, SipClientTransaction> _clients = new();
    private readonly ConcurrentDictionary<SipTransactionKey, SipServerTransaction> _servers = new();

    /// <summary>Non-INVITE server transactions in Completed on UDP, until Timer J.</summary>
    private readonly ConcurrentDictionary<SipTransactionKey, AnsweredRequest> _answered = new();

    /// <summary>Non-INVITE client transactions in Completed on UDP, until Timer K: retransmitted finals are absorbed.</summary>
    private readonly ConcurrentDictionary<SipTransactionKey, bool> _absorbing = new();

    private readonly FixedDelayExpiry<AnsweredRequest> _timerJ;
    private readonly FixedDelayExpiry<SipTransactionKey> _timerK;

    /// <summary>RFC 3261 §8.2.2.2: requests without To tag indexed by From tag, Call-ID and CSeq to spot merged requests.</summary>
    private readonly ConcurrentDictionary<UntaggedRequestKey, SipTransactionKey> _unTaggedRequests = new();

    private readonly ServerTransactionsBySource _bySource;
    private readonly AbandonedInvites _abandoned;
    private readonly ILogger _logger;
    private ISipTransactionUser? _user;

    public SipTransactionLayer(ISipTransport transport, SipTransactionOptions? options = null, TimeProvider? timeProvider = null, ILogger<SipTransactionLayer>? logger = null)
    {
        Transport = transport;
        Options = options ?? new SipTransactionOptions();
        Options.Validate();
        TimeProvider = timeProvider ?? TimeProvider.System;
        _bySource = new ServerTransactionsBySource(Options.MaxServerTransactionsPerSource);
        _logger = logger ?? NullLogger<SipTransactionLayer>.Instance;
        _timerJ = new FixedDelayExpiry<AnsweredRequest>(TimeProvider, Options.TimerJ, Forget);
        _timerK = new FixedDelayExpiry<SipTransactionKey>(TimeProvider, Options.T4, key => _absorbing.TryRemove(key, out _));
        _abandoned = new AbandonedInvites(this, _logger);
    }

    public ISipTransport Transport { get; }

    public SipTransactionOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Live client plus server transactions, the completed ones waiting for Timer J or K and the abandoned INVITEs included.</summary>
    public int TransactionCount => _clients.Count + _servers.Count + _answered.Count + _absorbing.Count + _abandoned.Count;

    /// <summary>Live client transactions: those still sending or waiting for an answer, the INVITEs in Completed (Timer D) included.</summary>
    public int ClientTransactionCount => _clients.Count;

    /// <summary>New requests answered 503 because their source held <see cref="SipTransactionOptions.MaxServerTransactionsPerSource"/>.</summary>
    public long ServerTransactionsRefused => _bySource.Refused;

    /// <summary>Sets the TU that receives new requests. Call before the transport starts delivering messages.</summary>
    public void Attach(ISipTransactionUser user) => _user = user;

    /// <summary>
    /// Sends a request in a new client transaction (RFC 3261 §17.1): a Via with our advertised address
    /// (<see cref="ISipTransport.AdvertisedEndPoint"/>) and a fresh branch is pushed on top, Max-Forwards is set to 70
    /// when absent. Use <see cref="SendAckAsync"/> for the ACK of a 2xx. <paramref name="onProvisional"/> and
    /// <paramref name="onFinal"/> (<see cref="SipClientTransaction.FinalResponseArrived"/>) are subscribed before the
    /// request leaves, so a response that arrives at once is never missed.
    /// </summary>
    public SipClientTransaction SendRequest(
        SipRequest request,
        SipEndPoint destination,
        Action<SipClientTransaction, SipResponse>? onProvisional = null,
        Action<SipClientTransaction, SipResponse>? onFinal = null)
    {
        if (request.Method == SipMethods.Ack)
        {
            throw new ArgumentException("ACK for 2xx is sent end-to-end with SendAckAsync (RFC 3261 §13.2.2.4).", nameof(request));
        }

        var local = Transport.AdvertisedEndPoint;
        var via = new SipVia { Transport = destination.ViaTransport, Host = FormatHost(local.Address), Port = local.Port }
            .WithParameter("branch", SipIdentifiers.NewBranch())
            .WithParameter("rport", null);
        request.PushVia(via);
        if (!request.Headers.Contains(SipHeaderKind.MaxForwards))
        {
            request.MaxForwards = 70;
        }

        return StartClient(request, destination, onProvisional, onFinal);
    }

    /// <summary>
    /// Cancels a pending INVITE (RFC 3261 §9.1). The CANCEL goes out once a provisional response has arrived;
    /// returns null when the INVITE already completed.
    /// </summary>
    public SipClientTransaction? Cancel(SipClientTransaction invite)
    {
        if (invite is not InviteClientTransaction inviteTransaction)
        {
            throw new ArgumentException("Only INVITE transactions can be cancelled.", nameof(invite));
        }

        return inviteTransaction.RequestCancel() ? SendCancel(inviteTransaction) : null;
    }

    /// <summary>
    /// Gives up a pending INVITE whose answer is no longer wanted (a routing query past its timeout). After a
    /// provisional response it is CANCELled, as <see cref="Cancel"/> does. Before any, RFC 3261 §9.1 allows no CANCEL,
    /// so instead of retransmitting until Timer B the transaction ends at once with a local 408 and leaves the table;
    /// a late answer is still handled for Timer B's span (<see cref="AbandonedInvites"/>): a provisional gets the
    /// CANCEL, a failure its ACK. Either way a 2xx that comes anyway goes to <paramref name="onLateSuccess"/>, whose
    /// ACK and BYE are the TU's (§13.2.2.4).
    /// </summary>
    public void Abandon(SipClientTransaction invite, Action<SipResponse> onLateSuccess)
    {
        ArgumentNullException.ThrowIfNull(onLateSuccess);
        if (invite is not InviteClientTransaction inviteTransaction)
        {
            throw new ArgumentException("Only INVITE transactions can be abandoned.", nameof(invite));
        }

        // In the table before the transaction leaves its own, so a response arriving meanwhile finds one of them.
        _abandoned.Add(invite, onLateSuccess);
        if (inviteTransaction.TryEndUnanswered())
        {
            return;
        }

        _abandoned.Remove(invite.Key);
        Cancel(invite);
        _ = invite.FinalResponse.ContinueWith(
            static (final, late) =>
            {
                if (final.Result.IsSuccess)
                {
                    ((Action<SipResponse>)late!)(final.Result);
                }
            },
            onLateSuccess, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Sends the ACK for a 2xx outside any transaction (RFC 3261 §13.2.2.4, §17.1.1.3).</summary>
    public ValueTask SendAckAsync(SipRequest ack, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        if (!ack.Headers.Contains(SipHeaderKind.Via))
        {
            var local = Transport.AdvertisedEndPoint;
            ack.PushVia(new SipVia { Transport = destination.ViaTransport, Host = FormatHost(local.Address), Port = local.Port }
                .WithParameter("branch", SipIdentifiers.NewBranch()));
        }

        return Transport.SendAsync(ack, destination, cancellationToken);
    }

    internal SipClientTransaction SendCancel(InviteClientTransaction invite) => SendCancel(invite.Request, invite.Remote);

    internal SipClientTransaction SendCancel(SipRequest invite, SipEndPoint remote) => StartClient(SipAckBuilder.Cancel(invite), remote);

    private SipClientTransaction StartClient(
        SipRequest request,
        SipEndPoint destination,
        Action<SipClientTransaction, SipResponse>? onProvisional = null,
        Action<SipClientTransaction, SipResponse>? onFinal = null)
    {
        var key = SipTransactionKey.ForClient(request.TopVia.Branch!, request.Method);
        SipClientTransaction transaction = request.Method == SipMethods.Invite
            ? new InviteClientTransaction(this, key, request, destination)
            : new NonInviteClientTransaction(this, key, request, destination);
        if (!_clients.TryAdd(key, transaction))
        {
            throw new InvalidOperationException($"A client transaction with branch {key.Branch} already exists.");
        }

        transaction.ProvisionalResponse += onProvisional;
        transaction.FinalResponseArrived += onFinal;
        transaction.Start();
        return transaction;
    }

    /// <summary>Entry point for the transport.</summary>
    public void OnMessage(SipMessage message, SipEndPoint source)
    {
        if (message is SipResponse response)
        {
            OnResponse(response);
        }
        else
        {
            OnRequest((SipRequest)message);
        }
    }

    private void OnResponse(SipResponse response)
    {
        // RFC 3261 §17.1.3: match on the top Via branch and the CSeq method.
        var key = SipTransactionKey.ForClient(response.TopVia.Branch ?? "", response.CSeq.Method);
        if (_clients.TryGetValue(key, out var transaction))
        {
            transaction.OnResponse(response);
        }
        else if (_absorbing.ContainsKey(key))
        {
            // RFC 3261 §17.1.2.2: Completed absorbs retransmitted final responses.
        }
        else if (!_abandoned.TryAnswer(key, response))
        {
            User.OnStrayResponse(response);
        }
    }

    private void OnRequest(SipRequest request)
    {
        var key = SipTransactionKey.ForServer(request);
        if (request.Method == SipMethods.Ack)
        {
            // RFC 3261 §17.2.3: an ACK for a non-2xx matches the INVITE transaction; an ACK for 2xx matches nothing.
            if (_servers.TryGetValue(key, out var invite) && invite is InviteServerTransaction inviteTransaction && invite.LastResponse is { IsSuccess: false })
            {
                inviteTransaction.OnAck();
            }
            else
            {
                User.OnAck(request);
            }

            return;
        }

        if (_servers.TryGetValue(key, out var existing))
        {
            existing.OnRetransmission();
            return;
        }

        if (_answered.TryGetValue(key, out var answered))
        {
            Resend(answered);
            return;
        }

        var source = request.Source?.EndPoint.Address;
        if (source is not null && !_bySource.TryTake(source))
        {
            RefuseStatelessly(request);
            return;
        }

        var transaction = CreateServer(key, request);
        if (!_servers.TryAdd(key, transaction))
        {
            _bySource.Give(source);
            if (_servers.TryGetValue(key, out var raced))
            {
                raced.OnRetransmission();
            }

            return;
        }

        Track(transaction);
        if (request.Method == SipMethods.Cancel)
        {
            OnCancel(transaction, key);
            return;
        }

        if (Reject(transaction))
        {
            return;
        }

        if (transaction is InviteServerTransaction invite2)
        {
            invite2.SendTrying();
        }

        User.OnRequest(transaction);
    }

    private SipServerTransaction CreateServer(SipTransactionKey key, SipRequest request) =>
        request.Method == SipMethods.Invite
            ? new InviteServerTransaction(this, key, request)
            : new NonInviteServerTransaction(this, key, request);

    /// <summary>RFC 3261 §9.2: CANCEL is answered by its own transaction and terminates the matching INVITE with 487.</summary>
    private void OnCancel(SipServerTransaction cancelTransaction, SipTransactionKey cancelKey)
    {
        var inviteKey = cancelKey with { Method = SipMethods.Invite };
        if (!_servers.TryGetValue(inviteKey, out var invite))
        {
            cancelTransaction.Respond(481);
            return;
        }

        cancelTransaction.SendResponse(cancelTransaction.CreateResponse(200, toTag: invite.LastResponse?.To.Tag));
        User.OnCancel(invite, cancelTransaction.Request);
        invite.SendResponse(invite.CreateResponse(487, toTag: invite.LastResponse?.To.Tag));
    }

    /// <summary>Checks that stop a request before the TU sees it. Returns true when it was answered.</summary>
    private bool Reject(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (Options.RejectExhaustedMaxForwards && request.MaxForwards == 0 && request.Method != SipMethods.Options)
        {
            // RFC 3261 §16.3 item 3 (OPTIONS may be answered by the element itself, §11).
            transaction.Respond(483);
            return true;
        }

        if (!Options.DetectLoops)
        {
            return false;
        }

        var local = Transport.AdvertisedEndPoint;
        var ownSentBy = string.Concat(FormatHost(local.Address), ":", local.Port.ToString(CultureInfo.InvariantCulture));
        if (request.Vias.Skip(1).Any(v => string.Equals(v.SentBy, ownSentBy, StringComparison.OrdinalIgnoreCase)))
        {
            // RFC 3261 §16.3 item 4: our own address below the top Via means the request came back to us.
            transaction.Respond(482);
            return true;
        }

        if (UntaggedRequestKey.For(request) is { } untagged
            && _unTaggedRequests.TryGetValue(untagged, out var firstKey)
            && firstKey != transaction.Key)
        {
            // RFC 3261 §8.2.2.2: the same request arrived again over a different path (merged request).
            transaction.Respond(482);
            return true;
        }

        return false;
    }

    private void Track(SipServerTransaction transaction)
    {
        if (UntaggedRequestKey.For(transaction.Request) is { } untagged)
        {
            _unTaggedRequests.TryAdd(untagged, transaction.Key);
        }
    }

    /// <summary>
    /// Sends a non-INVITE final response on UDP and keeps the transaction's Completed state (RFC 3261 §17.2.2) as an
    /// <see cref="AnsweredRequest"/> until Timer J. It takes over the transaction's share of its source and its
    /// merged-request entry; the transaction object itself leaves the table. Call under the transaction's lock.
    /// </summary>
    internal void Answer(SipServerTransaction transaction, SipResponse response)
    {
        var answered = new AnsweredRequest(
            transaction.Key,
            SipSerializer.ToArray(response),
            ViaProcessing.ResponseDestination(response.TopVia, transaction.Remote),
            transaction.Remote.EndPoint.Address,
            UntaggedRequestKey.For(transaction.Request));
        _answered[answered.Key] = answered;
        _servers.TryRemove(new KeyValuePair<SipTransactionKey, SipServerTransaction>(transaction.Key, transaction));
        _timerJ.Add(answered);
        Resend(answered);
    }

    /// <summary>Keeps a non-INVITE client transaction's Completed state (RFC 3261 §17.1.2.2) as its key until Timer K.</summary>
    internal void Absorb(SipTransactionKey key)
    {
        _absorbing[key] = true;
        _clients.TryRemove(key, out _);
        _timerK.Add(key);
    }

    private void Resend(AnsweredRequest answered)
    {
        var sending = Transport.SendSerializedAsync(answered.Response, answered.Destination);
        if (!sending.IsCompletedSuccessfully)
        {
            _ = ObserveResendAsync(answered, sending);
        }
    }

    private async Task ObserveResendAsync(AnsweredRequest answered, ValueTask sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or IOException or ObjectDisposedException
            or OperationCanceledException or InvalidOperationException)
        {
            // RFC 3261 §17.2.4: a transport failure ends the transaction.
            _logger.LogWarning("Transport error on answered {Method} to {Remote}: {Reason}", answered.Key.Method, answered.Destination, exception.Message);
            Forget(answered);
        }
    }

    private void Forget(AnsweredRequest answered)
    {
        if (_answered.TryRemove(new KeyValuePair<SipTransactionKey, AnsweredRequest>(answered.Key, answered)))
        {
            _bySource.Give(answered.Source);
            ForgetUntagged(answered.Untagged, answered.Key);
        }
    }

    private void ForgetUntagged(UntaggedRequestKey? untagged, SipTransactionKey key)
    {
        if (untagged is { } present)
        {
            _unTaggedRequests.TryRemove(new KeyValuePair<UntaggedRequestKey, SipTransactionKey>(present, key));
        }
    }

    internal void Remove(SipTransaction transaction)
    {
        switch (transaction)
        {
            case SipClientTransaction client:
                _clients.TryRemove(new KeyValuePair<SipTransactionKey, SipClientTransaction>(client.Key, client));
                break;
            case SipServerTransaction server:
                if (_servers.TryRemove(new KeyValuePair<SipTransactionKey, SipServerTransaction>(server.Key, server)))
                {
                    _bySource.Give(server.Remote.EndPoint.Address);
                    ForgetUntagged(UntaggedRequestKey.For(server.Request), server.Key);
                }

                break;
        }
    }

    /// <summary>A 503 sent without a transaction: the source already holds its share of them.</summary>
    private void RefuseStatelessly(SipRequest request)
    {
        var busy = SipResponse.CreateFor(request, 503);
        busy.Headers.Add(SipHeaderKind.RetryAfter, "5");
        var sending = Transport.SendResponseAsync(busy, request.Source!.Value);
        if (!sending.IsCompletedSuccessfully)
        {
            sending.AsTask().ContinueWith(
                t => _logger.LogDebug(t.Exception, "Sending a stateless 503 failed"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    internal void ReportTransportError(SipServerTransaction transaction, Exception exception) =>
        _logger.LogWarning("Transport error on server transaction {Method} {CallId} to {Remote}: {Reason}",
            transaction.Request.Method, transaction.Request.CallId, transaction.Remote, exception.Message);

    private ISipTransactionUser User => _user ?? throw new InvalidOperationException("No transaction user attached.");

    private static string FormatHost(System.Net.IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
