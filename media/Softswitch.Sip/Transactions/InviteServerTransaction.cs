namespace Softswitch.Sip.Transactions;

/// <summary>RFC 3261 §17.2.1: the INVITE server transaction (Figure 7).</summary>
public sealed class InviteServerTransaction : SipServerTransaction
{
    private ITimer? _timerG;
    private ITimer? _timerH;
    private TimeSpan _intervalG;

    internal InviteServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request)
        : base(layer, key, request)
    {
        State = SipTransactionState.Proceeding;
    }

    /// <summary>Sends 100 Trying so the client stops retransmitting (RFC 3261 §17.2.1).</summary>
    internal void SendTrying()
    {
        lock (Gate)
        {
            if (State == SipTransactionState.Proceeding && LastResponse is null)
            {
                LastResponse = CreateResponse(100);
                Send(LastResponse);
            }
        }
    }

    public override bool SendResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Proceeding)
            {
                return false;
            }

            LastResponse = response;
            Send(response);
            if (response.IsSuccess)
            {
                // RFC 3261 §17.2.1: 2xx ends the transaction; retransmitting it until ACK is the TU's job (§13.3.1.4).
                Terminate();
            }
            else if (!response.IsProvisional)
            {
                State = SipTransactionState.Completed;
                if (!IsReliable)
                {
                    _intervalG = Options.T1;
                    _timerG = StartTimer(_intervalG, OnTimerG);
                }

                _timerH = StartTimer(Options.TimerH, Terminate);
            }

            return true;
        }
    }

    internal override void OnRetransmission()
    {
        lock (Gate)
        {
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && LastResponse is not null)
            {
                Send(LastResponse);
            }
        }
    }

    /// <summary>RFC 3261 §17.2.1: an ACK in Completed confirms the failure response; later ACKs are absorbed.</summary>
    internal void OnAck()
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Completed)
            {
                return;
            }

            State = SipTransactionState.Confirmed;
            Stop(_timerG);
            Stop(_timerH);
            // Timer I: T4 on unreliable transports to absorb ACK retransmissions, zero on reliable ones.
            TerminateAfter(IsReliable ? TimeSpan.Zero : Options.T4);
        }
    }

    private void OnTimerG()
    {
        if (State != SipTransactionState.Completed)
        {
            return;
        }

        // RFC 3261 §17.2.1: Timer G doubles up to T2.
        Send(LastResponse!);
        _intervalG = TimeSpan.FromTicks(Math.Min((_intervalG * 2).Ticks, Options.T2.Ticks));
        _timerG!.Change(_intervalG, Timeout.InfiniteTimeSpan);
    }
}
