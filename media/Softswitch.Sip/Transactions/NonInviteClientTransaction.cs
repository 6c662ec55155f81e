namespace Softswitch.Sip.Transactions;

/// <summary>RFC 3261 §17.1.2: the non-INVITE client transaction (Figure 6).</summary>
public sealed class NonInviteClientTransaction : SipClientTransaction
{
    private ITimer? _timerE;
    private ITimer? _timerF;
    private TimeSpan _intervalE;

    internal NonInviteClientTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint remote)
        : base(layer, key, request, remote)
    {
    }

    internal override void Start()
    {
        lock (Gate)
        {
            State = SipTransactionState.Trying;
            Send(Request);
            if (!IsReliable)
            {
                _intervalE = Options.T1;
                _timerE = StartTimer(_intervalE, OnTimerE);
            }

            _timerF = StartTimer(Options.TimerF, OnTimerF);
        }
    }

    private void OnTimerE()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        // RFC 3261 §17.1.2.2: E doubles up to T2 in Trying and stays at T2 in Proceeding.
        Send(Request);
        _intervalE = State == SipTransactionState.Proceeding ? Options.T2 : TimeSpan.FromTicks(Math.Min((_intervalE * 2).Ticks, Options.T2.Ticks));
        _timerE!.Change(_intervalE, Timeout.InfiniteTimeSpan);
    }

    private void OnTimerF()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        Terminate();
        TimeOut();
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return; // Completed absorbs retransmitted finals (RFC 3261 §17.1.2.2).
            }

            if (response.IsProvisional)
            {
                State = SipTransactionState.Proceeding;
            }
            else if (IsReliable)
            {
                // Timer K is zero on reliable transports.
                Terminate();
            }
            else
            {
                // Completed for Timer K (T4) absorbs retransmitted finals: the layer keeps only the key.
                EndTimers();
                Layer.Absorb(Key);
            }
        }

        Deliver(response);
    }
}
