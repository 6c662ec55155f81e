namespace Softswitch.Switch.Redirect;

/// <summary>What the redirect client did, switch-wide; read by tests and the metrics.</summary>
public sealed class RedirectCounters
{
    private long _queries;
    private long _redirected;
    private long _ownRoutes;
    private long _refused;
    private long _serverFailures;
    private long _failedOpen;
    private long _failedClosed;

    public long Queries => Interlocked.Read(ref _queries);

    public long Redirects => Interlocked.Read(ref _redirected);

    public long OwnRouteAnswers => Interlocked.Read(ref _ownRoutes);

    public long Refusals => Interlocked.Read(ref _refused);

    /// <summary>Answers that moved the query on: timeouts, 5xx, 2xx, redirects without a usable target.</summary>
    public long ServerFailures => Interlocked.Read(ref _serverFailures);

    public long FailOpens => Interlocked.Read(ref _failedOpen);

    public long FailCloses => Interlocked.Read(ref _failedClosed);

    internal void Query() => Interlocked.Increment(ref _queries);

    internal void Redirected() => Interlocked.Increment(ref _redirected);

    internal void OwnRoutes() => Interlocked.Increment(ref _ownRoutes);

    internal void Refused() => Interlocked.Increment(ref _refused);

    internal void ServerFailed() => Interlocked.Increment(ref _serverFailures);

    internal void FailedOpen() => Interlocked.Increment(ref _failedOpen);

    internal void FailedClosed() => Interlocked.Increment(ref _failedClosed);
}
