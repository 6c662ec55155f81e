using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>A TU that remembers everything and optionally answers new requests at once.</summary>
public sealed class RecordingUser(int? autoAnswer = null) : ISipTransactionUser
{
    public List<SipServerTransaction> Requests { get; } = [];

    public List<SipRequest> Acks { get; } = [];

    public List<SipResponse> StrayResponses { get; } = [];

    public List<SipRequest> Cancels { get; } = [];

    public void OnRequest(SipServerTransaction transaction)
    {
        Requests.Add(transaction);
        if (autoAnswer is { } status)
        {
            transaction.Respond(status);
        }
    }

    public void OnAck(SipRequest ack) => Acks.Add(ack);

    public void OnStrayResponse(SipResponse response) => StrayResponses.Add(response);

    public void OnCancel(SipServerTransaction inviteTransaction, SipRequest cancel) => Cancels.Add(cancel);
}
