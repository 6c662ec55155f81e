namespace Softswitch.Sip.Transactions;

/// <summary>Timer base values (RFC 3261 §17.1.1.1, Table 4) and transaction-layer policies.</summary>
public sealed record SipTransactionOptions
{
    /// <summary>RTT estimate; default 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses; default 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network; default 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D: wait for response retransmissions after a failure on an unreliable transport; at least 32 s.</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>RFC 3261 §16.3 item 3: answer a request arriving with Max-Forwards 0 with 483 Too Many Hops.</summary>
    public bool RejectExhaustedMaxForwards { get; init; } = true;

    /// <summary>RFC 3261 §8.2.2.2 merged requests and §16.3 item 4 own-Via loops are answered with 482 Loop Detected.</summary>
    public bool DetectLoops { get; init; } = true;

    /// <summary>
    /// Live server transactions one source address may hold; a new request past it gets a stateless 503 and is
    /// counted. A non-INVITE transaction lingers Timer J (32 s) on UDP, so a trunk's address holds about 32 ×
    /// its call rate in BYE transactions: 250,000 covers 7,500 calls per second from one address while a flood of
    /// distinct-branch requests from one source cannot grow the table without bound.
    /// </summary>
    public int MaxServerTransactionsPerSource { get; init; } = 250_000;

    public TimeSpan TimerB => T1 * 64;

    public TimeSpan TimerF => T1 * 64;

    public TimeSpan TimerH => T1 * 64;

    public TimeSpan TimerJ => T1 * 64;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(T1, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(T2, T1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(T4, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxServerTransactionsPerSource, 1);
    }
}
