namespace Softswitch.Switch.Calls;

/// <summary>Call handling events counted for monitoring and for the anti-fraud layer; safe to read from any thread.</summary>
public sealed class B2buaCounters
{
    private long _accepted;
    private long _answered;
    private long _failed;
    private long _forbidden;
    private long _overloaded;
    private long _active;
    private long _malformed;
    private long _ambiguous;
    private long _cdrStorageUnavailable;

    /// <summary>INVITEs ingress accepted (each produces a CDR).</summary>
    public long CallsAccepted => Interlocked.Read(ref _accepted);

    public long CallsAnswered => Interlocked.Read(ref _answered);

    /// <summary>Accepted calls that ended without an answer.</summary>
    public long CallsFailed => Interlocked.Read(ref _failed);

    /// <summary>INVITEs refused with 403 by ingress: unknown source, or a phone that failed digest twice.</summary>
    public long IngressForbidden => Interlocked.Read(ref _forbidden);

    /// <summary>INVITEs refused with 503 because the switch or the ingress trunk was full.</summary>
    public long Overloaded => Interlocked.Read(ref _overloaded);

    /// <summary>INVITEs refused (403, also in <see cref="IngressForbidden"/>) because trunks of two tenants claim their source equally.</summary>
    public long AmbiguousIngresses => Interlocked.Read(ref _ambiguous);

    /// <summary>INVITEs refused with 400 because a header the dialog needs (Contact, Record-Route) does not parse.</summary>
    public long MalformedInvites => Interlocked.Read(ref _malformed);

    /// <summary>INVITEs refused with 503 because the CDR spool could not make records durable.</summary>
    public long CdrStorageUnavailableRefusals => Interlocked.Read(ref _cdrStorageUnavailable);

    /// <summary>Calls in progress (set up, ringing or answered) right now.</summary>
    public long ActiveCalls => Interlocked.Read(ref _active);

    internal void Accepted() => Interlocked.Increment(ref _accepted);

    internal void Answered() => Interlocked.Increment(ref _answered);

    internal void Failed() => Interlocked.Increment(ref _failed);

    internal void Forbidden() => Interlocked.Increment(ref _forbidden);

    internal void AmbiguousIngress() => Interlocked.Increment(ref _ambiguous);

    internal void Malformed() => Interlocked.Increment(ref _malformed);

    internal void CdrStorageUnavailable() => Interlocked.Increment(ref _cdrStorageUnavailable);

    internal void Overload() => Interlocked.Increment(ref _overloaded);

    internal bool TryStartCall(int limit)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _active);
            if (current >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _active, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    internal void CallEnded() => Interlocked.Decrement(ref _active);
}
