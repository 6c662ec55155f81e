namespace Softswitch.Sip.Transactions;

/// <summary>RFC 3261 §17.1.1: the INVITE client transaction (Figure 5).</summary>
public sealed class InviteClientTransaction : SipClientTransaction
{
    private ITimer? _timerA;
    private ITimer? _timerB;
    private TimeSpan _intervalA;
    private bool _cancelPending;

    internal InviteClientTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint remote)
        : base(layer, key, request, remote)
    {
    }

    internal override void Start()
    {
        lock (Gate)
        {
            State = SipTransactionState.Calling;
            Send(Request);
            if (!IsReliable)
            {
                // RFC 3261 §17.1.1.2: Timer A starts at T1 and doubles on every retransmission.
                _intervalA = Options.T1;
                _timerA = StartTimer(_intervalA, OnTimerA);
            }

            _timerB = StartTimer(Options.TimerB, OnTimerB);
        }
    }

    /// <summary>RFC 3261 §9.1: a CANCEL waits for a provisional response. Returns true when it may go now.</summary>
    internal bool RequestCancel()
    {
        lock (Gate)
        {
            if (State == SipTransactionState.Calling)
            {
                _cancelPending = true;
                return false;
            }

            return State == SipTransactionState.Proceeding;
        }
    }

    private void OnTimerA()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }

        Send(Request);
        _intervalA *= 2;
        _timerA!.Change(_intervalA, Timeout.InfiniteTimeSpan);
    }

    private void OnTimerB()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }

        // RFC 3261 §17.1.1.2: Timer B fired in Calling; tell the TU about the timeout.
        Terminate();
        TimeOut();
    }

    internal override void OnResponse(SipResponse response)
    {
        var deliver = false;
        var sendCancel = false;
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    State = SipTransactionState.Proceeding;
                    Stop(_timerA);
                    Stop(_timerB);
                    sendCancel = _cancelPending;
                    _cancelPending = false;
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsSuccess:
                    // RFC 3261 §17.1.1.2: a 2xx terminates the transaction; its ACK is the TU's (end-to-end).
                    Terminate();
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    State = SipTransactionState.Completed;
                    Stop(_timerA);
                    Stop(_timerB);
                    Send(SipAckBuilder.ForNon2xx(Request, response));
                    TerminateAfter(IsReliable ? TimeSpan.Zero : Options.TimerD);
                    deliver = true;
                    break;
                case SipTransactionState.Completed when response.StatusCode >= 300:
                    // RFC 3261 §17.1.1.2: a retransmitted final response is answered with the ACK again, not passed up.
                    Send(SipAckBuilder.ForNon2xx(Request, response));
                    break;
            }
        }

        if (deliver)
        {
            Deliver(response);
        }

        if (sendCancel)
        {
            Layer.SendCancel(this);
        }
    }
}
