using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// INVITEs given up before any response (<see cref="SipTransactionLayer.Abandon"/>). RFC 3261 §9.1 forbids a CANCEL
/// before a provisional response, so instead of a client transaction retransmitting until Timer B, each keeps only
/// its key and request here, for Timer B's span after it was given up (one expiry queue, no timer of its own), and
/// answers what the peer may still send: a provisional gets the CANCEL that could not go before, a failure its ACK
/// (again for each retransmission, as the Completed state would, §17.1.1.2), a 2xx the TU's late-success callback
/// (once: the 2xx's ACK and BYE are the TU's, §13.2.2.4).
/// </summary>
internal sealed class AbandonedInvites
{
    private readonly ConcurrentDictionary<SipTransactionKey, Abandoned> _invites = new();
    private readonly FixedDelayExpiry<SipTransactionKey> _expiry;
    private readonly SipTransactionLayer _layer;
    private readonly ILogger _logger;

    public AbandonedInvites(SipTransactionLayer layer, ILogger logger)
    {
        _layer = layer;
        _logger = logger;
        _expiry = new FixedDelayExpiry<SipTransactionKey>(layer.TimeProvider, layer.Options.TimerB, key => _invites.TryRemove(key, out _));
    }

    public int Count => _invites.Count;

    public void Add(SipClientTransaction invite, Action<SipResponse> onLateSuccess)
    {
        _invites[invite.Key] = new Abandoned(invite.Request, invite.Remote, onLateSuccess);
        _expiry.Add(invite.Key);
    }

    public void Remove(SipTransactionKey key) => _invites.TryRemove(key, out _);

    /// <summary>Answers a response to an abandoned INVITE; false when <paramref name="key"/> is none.</summary>
    public bool TryAnswer(SipTransactionKey key, SipResponse response)
    {
        if (!_invites.TryGetValue(key, out var abandoned))
        {
            return false;
        }

        if (response.IsProvisional)
        {
            if (Interlocked.Exchange(ref abandoned.Cancelled, 1) == 0)
            {
                _layer.SendCancel(abandoned.Invite, abandoned.Remote);
            }
        }
        else if (response.IsSuccess)
        {
            if (Interlocked.Exchange(ref abandoned.Succeeded, 1) == 0)
            {
                abandoned.OnLateSuccess(response);
            }
        }
        else
        {
            _ = AcknowledgeAsync(SipAckBuilder.ForNon2xx(abandoned.Invite, response), abandoned.Remote);
        }

        return true;
    }

    private async Task AcknowledgeAsync(SipRequest ack, SipEndPoint remote)
    {
        try
        {
            await _layer.Transport.SendAsync(ack, remote).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException
            or OperationCanceledException or InvalidOperationException)
        {
            // The peer retransmits its final answer; a later copy gets the ACK again.
            _logger.LogDebug("ACK of a late answer to an abandoned INVITE to {Remote} failed: {Reason}", remote, exception.Message);
        }
    }

    private sealed class Abandoned(SipRequest invite, SipEndPoint remote, Action<SipResponse> onLateSuccess)
    {
        public int Cancelled;
        public int Succeeded;

        public SipRequest Invite { get; } = invite;

        public SipEndPoint Remote { get; } = remote;

        public Action<SipResponse> OnLateSuccess { get; } = onLateSuccess;
    }
}
