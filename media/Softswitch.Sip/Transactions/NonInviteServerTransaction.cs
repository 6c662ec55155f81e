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
            Send(response);
            if (response.IsProvisional)
            {
                State = SipTransactionState.Proceeding;
            }
            else
            {
                State = SipTransactionState.Completed;
                // Timer J: 64*T1 on unreliable transports to answer retransmissions, zero on reliable ones.
                TerminateAfter(IsReliable ? TimeSpan.Zero : Options.TimerJ);
            }

            return true;
        }
    }

    internal override void OnRetransmission()
    {
        lock (Gate)
        {
            // RFC 3261 §17.2.2: retransmissions in Trying are discarded; later ones get the last response.
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed)
            {
                Send(LastResponse!);
            }
        }
    }
}
