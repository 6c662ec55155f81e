using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Fraud;
using RaisedEvent = Softswitch.Switch.Fraud.SecurityEvent;

namespace Softswitch.Media.Fraud;

/// <summary>
/// Stores the signalling layer's events off the call path: <see cref="Raise"/> only queues (a bounded queue; when
/// it is full the event is counted as dropped), and a background loop writes what arrived within
/// <see cref="BatchWindow"/> in one transaction: the security events, a ban row per ban, and the stored status of
/// each suspended phone. A failed write is retried after <see cref="RetryDelay"/>, with the same batch. At shutdown,
/// after the listeners have stopped, what is left is stored once more.
/// </summary>
public sealed partial class SecurityEventWriter(
    DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<SecurityEventWriter> logger)
    : BackgroundService, ISecurityEventSink
{
    public const int Capacity = 10_000;
    public const int MaxBatch = 1_000;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<RaisedEvent> _queue = Channel.CreateBounded<RaisedEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly List<RaisedEvent> _batch = new(MaxBatch);
    private long _dropped;
    private long _stored;

    /// <summary>Events lost because the queue was full (the database was slower than the attack).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Stored => Interlocked.Read(ref _stored);

    public void Raise(RaisedEvent securityEvent)
    {
        if (!_queue.Writer.TryWrite(securityEvent))
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
        // The listeners have stopped (they stop first); once the loop has ended, what is left is stored once more.
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

    /// <summary>Stores the batch and empties it; on a database error keeps it for the next round (after <see cref="RetryDelay"/>).</summary>
    private async Task<bool> StoreOrKeepAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return true;
        }

        try
        {
            await StoreAsync(_batch, cancellationToken);
            Interlocked.Add(ref _stored, _batch.Count);
            _batch.Clear();
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

    private async Task StoreAsync(IReadOnlyList<RaisedEvent> batch, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var raised in batch)
        {
            db.SecurityEvents.Add(SecurityEventRows.Event(raised));
            if (raised.Action == SecurityAction.Ban)
            {
                db.IpBans.Add(SecurityEventRows.Ban(raised));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var phoneId in batch.Where(e => e.Action == SecurityAction.Suspend).Select(e => e.PhoneId).OfType<string>())
        {
            // A bulk update skips SaveChanges' stamping: UpdatedAt and Version move here, so the snapshot sees it.
            await db.Phones.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])
                .Where(p => p.Id == phoneId && p.Status == PhoneStatus.Active)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(p => p.Status, PhoneStatus.Suspended).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.Version, p => p.Version + 1),
                    cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} security events could not be stored at shutdown and are lost")]
    private static partial void LogLostAtShutdown(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} security events failed; retrying in {RetrySeconds} s")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, double retrySeconds);
}
