namespace Softswitch.Sip.Transactions;

/// <summary>RFC 3261 §17.1.1: the INVITE client transaction (Figure 5).</summary>
public sealed class InviteClientTransaction : SipClientTransaction
{
    private ITimer? _timerA;
    private ITimer? _timerB;
    private TimeSpan _intervalA;
    private bool _cancelPending;
    private bool _cancelSent;

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

            if (State != SipTransactionState.Proceeding)
            {
                return false;
            }

            CancelSent();
            return true;
        }
    }

    /// <summary>
    /// Ends the transaction at once when no response has come (the TU gave up: <see cref="SipTransactionLayer.Abandon"/>),
    /// completing it with a local 408; false when a response came first.
    /// </summary>
    internal bool TryEndUnanswered()
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Calling)
            {
                return false;
            }

            Terminate();
        }

        TimeOut();
        return true;
    }

    /// <summary>
    /// RFC 3261 §9.1: with no final response 64*T1 after the CANCEL, the INVITE is considered cancelled and its
    /// transaction destroyed. Timer B, stopped by the provisional, is re-armed for it. Call under the lock.
    /// </summary>
    private void CancelSent()
    {
        _cancelSent = true;
        _timerB!.Change(Options.TimerB, Timeout.InfiniteTimeSpan);
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
        if (State != SipTransactionState.Calling && !(State == SipTransactionState.Proceeding && _cancelSent))
        {
            return;
        }

        // RFC 3261 §17.1.1.2: Timer B fired in Calling (or §9.1: 64*T1 after a CANCEL); tell the TU about the timeout.
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
                    if (!_cancelSent)
                    {
                        Stop(_timerB);
                    }

                    sendCancel = _cancelPending;
                    if (_cancelPending)
                    {
                        _cancelPending = false;
                        CancelSent();
                    }

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
