namespace Softswitch.Domain.Fraud;

/// <summary>
/// Where the dynamic blacklist keeps its counters. The in-process store is the default; each operation maps onto one
/// Redis-protocol round trip (INCR with EXPIRE, SADD with SCARD, INCRBY, DEL, an LPUSH/LTRIM list for the evidence),
/// so several switch nodes can share counters later. Windows are fixed: one opens at the first event after the last
/// one closed and lasts its length. Keys carry the tenant: a store never mixes tenants.
/// </summary>
public interface IFraudCounterStore
{
    /// <summary>Counts one event and answers how many the current window holds (0 when the store had no room for a new counter).</summary>
    int Add(in FraudCounterKey key, DateTimeOffset now, TimeSpan window, string callId);

    /// <summary>
    /// Adds <paramref name="member"/> to the window's set and answers how many distinct members it holds. The set
    /// stops growing at <paramref name="cap"/>: past the blocking level the exact number no longer matters.
    /// </summary>
    int AddDistinct(in FraudCounterKey key, ReadOnlySpan<char> member, DateTimeOffset now, TimeSpan window, int cap, string callId, out bool isNew);

    /// <summary>Moves a count that has no window (calls up at once) by <paramref name="delta"/>; never below 0.</summary>
    int AddInFlight(in FraudCounterKey key, int delta, string callId);

    void Clear(in FraudCounterKey key);

    /// <summary>Clears every counter of a tenant whose subject is <paramref name="subject"/> (an operator's reset).</summary>
    void ClearSubject(string tenantId, string subject);

    /// <summary>The Call-IDs of the last calls counted (at most <see cref="DynamicBlacklistEntry.MaxEvidence"/>), newest last.</summary>
    IReadOnlyList<string> Evidence(in FraudCounterKey key);
}
