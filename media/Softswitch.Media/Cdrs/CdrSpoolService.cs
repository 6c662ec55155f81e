using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Media.Cdrs;

/// <summary>
/// Runs the spool's drain to the database for the life of the host. On shutdown the spool stops accepting records
/// and the drain keeps storing until the queue is empty or the host's shutdown timeout ends it; whatever is left
/// stays in the spool for the next start. Publishes the spool's meter.
/// </summary>
public sealed class CdrSpoolService(CdrSpool spool, ICdrStore store, IMeterFactory meters) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Meter _meter = CdrMetrics.Create(meters, spool);
    private Task? _drain;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _drain = spool.DrainAsync(store, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await spool.DisposeAsync();
        if (_drain is null)
        {
            return;
        }

        await using var giveUp = cancellationToken.Register(_stopping.Cancel);
        try
        {
            await _drain;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutdown timeout: the unstored CDRs are safe in the spool.
        }
    }

    public void Dispose()
    {
        _meter.Dispose();
        _stopping.Dispose();
    }
}
