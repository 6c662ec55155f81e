namespace Softswitch.Sip.Transport;

/// <summary>
/// Closes TCP connections that sit idle past <see cref="SipTransportOptions.TcpIdleTimeout"/> or trickle a message
/// slower than <see cref="SipTransportOptions.TcpMessageReadTimeout"/> allows. One sweep timer for all connections,
/// so a read costs no timer of its own.
/// </summary>
internal sealed class TcpTimeoutReaper : IDisposable
{
    private readonly TcpConnectionTable _connections;
    private readonly SipTransportOptions _options;
    private readonly SipTransportCounters _counters;
    private readonly ITimer _timer;

    public TcpTimeoutReaper(TcpConnectionTable connections, SipTransportOptions options, SipTransportCounters counters)
    {
        _connections = connections;
        _options = options;
        _counters = counters;
        var shortest = options.TcpMessageReadTimeout < options.TcpIdleTimeout ? options.TcpMessageReadTimeout : options.TcpIdleTimeout;
        var period = TimeSpan.FromTicks(Math.Clamp(shortest.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        _timer = options.Time.CreateTimer(static state => ((TcpTimeoutReaper)state!).Sweep(), this, period, period);
    }

    private void Sweep()
    {
        foreach (var connection in _connections.Connections)
        {
            if (connection.IsClosing)
            {
                continue;
            }

            if (connection.MessageInProgress > _options.TcpMessageReadTimeout)
            {
                _counters.SlowMessageClosed();
                _ = connection.DisposeAsync().AsTask();
            }
            else if (connection.Idle > _options.TcpIdleTimeout)
            {
                _counters.IdleClosed();
                _ = connection.DisposeAsync().AsTask();
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
