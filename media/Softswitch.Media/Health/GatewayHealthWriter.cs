using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Health;

namespace Softswitch.Media.Health;

/// <summary>
/// Stores routing gateways' health transitions off the call path, for the <c>gateway_down</c> alarm:
/// <see cref="Record"/> only queues (bounded; a full queue drops and counts), and a loop writes what arrived within
/// <see cref="BatchWindow"/>, one transaction per tenant. A failed write is retried after <see cref="RetryDelay"/>
/// with the same batch; what is left at shutdown is stored once more.
/// </summary>
public sealed partial class GatewayHealthWriter(
    DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<GatewayHealthWriter> logger) : BackgroundService
{
    public const int Capacity = 10_000;
    public const int MaxBatch = 1_000;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<PeerHealthTransition> _queue = Channel.CreateBounded<PeerHealthTransition>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly List<PeerHealthTransition> _batch = new(MaxBatch);
    private long _dropped;
    private long _stored;

    /// <summary>Transitions lost because the queue was full (the database was down or slow for long).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Stored => Interlocked.Read(ref _stored);

    public void Record(PeerHealthTransition transition)
    {
        if (!_queue.Writer.TryWrite(transition))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(BatchWindow, time, stoppingToken);
            Take();
            await StoreOrKeepAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Take();
        if (!await StoreOrKeepAsync(CancellationToken.None))
        {
            LogLostAtShutdown(logger, _batch.Count);
        }
    }

    private void Take()
    {
        while (_batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
        {
            _batch.Add(next);
        }
    }

    private async Task<bool> StoreOrKeepAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return true;
        }

        try
        {
            foreach (var tenant in _batch.GroupBy(t => t.Key.TenantId, StringComparer.Ordinal).ToList())
            {
                await StoreAsync(tenant.Key, tenant, cancellationToken);
                Interlocked.Add(ref _stored, tenant.Count());
                _batch.RemoveAll(t => t.Key.TenantId == tenant.Key);
            }

            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogStoreFailed(logger, exception, _batch.Count, RetryDelay.TotalSeconds);
            if (cancellationToken.CanBeCanceled)
            {
                await Task.Delay(RetryDelay, time, cancellationToken);
            }

            return false;
        }
    }

    private async Task StoreAsync(string tenantId, IEnumerable<PeerHealthTransition> transitions, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time);
        foreach (var transition in transitions)
        {
            db.GatewayHealthEvents.Add(new GatewayHealthEvent
            {
                RoutingGatewayId = transition.Key.Id,
                Status = transition.To,
                OccurredAt = transition.At.UtcDateTime,
                ConsecutiveTimeouts = transition.ConsecutiveTimeouts,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} gateway health transitions could not be stored at shutdown and are lost")]
    private static partial void LogLostAtShutdown(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} gateway health transitions failed; retrying in {RetrySeconds} s")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, double retrySeconds);
}
