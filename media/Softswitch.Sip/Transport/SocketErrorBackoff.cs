namespace Softswitch.Sip.Transport;

/// <summary>
/// The wait after a socket error on a receive or accept loop: doubling from the first wait up to one second, reset by
/// the next success. Errors such as EMFILE persist for a while, and retrying at once would only spin a core.
/// </summary>
internal sealed class SocketErrorBackoff
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _first;
    private readonly TimeProvider _time;
    private TimeSpan _next;

    public SocketErrorBackoff(TimeSpan first, TimeProvider time)
    {
        _first = _next = first;
        _time = time;
    }

    public void Reset() => _next = _first;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = _next;
        _next = wait * 2 > Ceiling ? Ceiling : wait * 2;
        return Task.Delay(wait, _time, cancellationToken);
    }

    /// <summary>Blocks the calling thread (a receive thread of its own) for the wait; returns early at cancellation.</summary>
    public void Wait(CancellationToken cancellationToken)
    {
        try
        {
            WaitAsync(cancellationToken).Wait(cancellationToken);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or AggregateException)
        {
            // Shutting down.
        }
    }
}
