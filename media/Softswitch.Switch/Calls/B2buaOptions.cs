namespace Softswitch.Switch.Calls;

/// <summary>Switch-wide call handling settings (<c>Softswitch:Sip</c>); per-gateway settings override the defaults.</summary>
public sealed record B2buaOptions
{
    /// <summary>At most this many INVITEs are sent for one call, redirects included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How long a gateway may ring without answering when it sets no timeout of its own.</summary>
    public TimeSpan DefaultNoAnswerTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// RFC 3261 §16.6 step 11 Timer C: how long one contact of a registered phone may go without a provisional
    /// response (each 18x restarts it, §16.7 step 2) before the switch CANCELs it and rings the next contact.
    /// </summary>
    public TimeSpan TimerC { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Calls up at once across the switch; beyond it new calls get 503 with Retry-After.</summary>
    public int MaxActiveCalls { get; init; } = 20_000;

    public TimeSpan OverloadRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Admission lanes (new INVITEs are spread over them by Call-ID). More lanes than cores, so one INVITE waiting on
    /// a slow asynchronous stage holds up only the few others hashed to its lane.
    /// </summary>
    public int AdmissionLanes { get; init; } = 64;

    /// <summary>
    /// INVITEs waiting for admission across all lanes; beyond it new INVITEs get 503 at once. 10,000 is two seconds of
    /// a 5,000 CPS peak: a backlog that deep means a stage is stalled, and queuing more only delays every caller.
    /// </summary>
    public int MaxPendingAdmissions { get; init; } = 10_000;

    /// <summary>Contacts of one 3xx that a gateway with the Recurse policy gets tried on.</summary>
    public int MaxRedirectTargets { get; init; } = 3;

    /// <summary>RFC 4028: the session interval the switch asks for, and the smallest it accepts.</summary>
    public TimeSpan SessionExpires { get; init; } = TimeSpan.FromSeconds(1800);

    public TimeSpan MinSessionExpires { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Headers copied from the caller's INVITE to the vendor's. Everything else is rebuilt, so the caller's
    /// addresses, Via, Record-Route, Contact and Call-ID never reach the vendor (topology hiding).
    /// </summary>
    public IReadOnlyList<string> PassthroughHeaders { get; init; } = ["P-Asserted-Identity", "Privacy", "Diversion"];

    /// <summary>The User-Agent / Server value the switch puts on what it sends.</summary>
    public string Product { get; init; } = "Softswitch";
}
