namespace Softswitch.Sip.Transactions;

/// <summary>RFC 3261 §17.2.2: the non-INVITE server transaction (Figure 8).</summary>
public sealed class NonInviteServerTransaction : SipServerTransaction
{
    internal NonInviteServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request)
        : base(layer, key, request)
    {
        State = SipTransactionState.Trying;
    }

    public override bool SendResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return false;
            }

            LastResponse = response;
            if (response.IsProvisional)
            {
                Send(response);
                State = SipTransactionState.Proceeding;
            }
            else if (IsReliable)
            {
                // Timer J is zero on reliable transports.
                Send(response);
                Terminate();
            }
            else
            {
                // Completed for Timer J (64*T1), to answer retransmissions: the layer keeps only the sent bytes.
                EndTimers();
                Layer.Answer(this, response);
            }

            return true;
        }
    }

    internal override void OnRetransmission()
    {
        lock (Gate)
        {
            // RFC 3261 §17.2.2: retransmissions in Trying are discarded; in Proceeding they get the last provisional
            // response. Completed is kept by the layer (AnsweredRequest), which answers them there.
            if (State == SipTransactionState.Proceeding)
            {
                Send(LastResponse!);
            }
        }
    }
}
