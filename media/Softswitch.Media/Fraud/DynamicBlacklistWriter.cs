using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Media.Fraud;

/// <summary>
/// Stores what the dynamic blacklist finds, off the call path, as <see cref="SecurityEventWriter"/> does: the switch
/// only queues (a bounded queue; when it is full a write is counted as dropped), and a loop stores what arrived within
/// <see cref="BatchWindow"/>, tenant by tenant: an entry row per block, an event row per finding, and each entry's
/// latest expiry once per batch however many refused attempts moved it. A failed batch is kept and retried.
/// </summary>
public sealed partial class DynamicBlacklistWriter(
    DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<DynamicBlacklistWriter> logger)
    : BackgroundService, IBlacklistFindingSink
{
    public const int Capacity = 10_000;
    public const int MaxBatch = 1_000;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<Write> _queue = Channel.CreateBounded<Write>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly List<Write> _batch = new(MaxBatch);
    private long _dropped;
    private long _stored;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Stored => Interlocked.Read(ref _stored);

    public void Found(BlacklistFinding finding) => Queue(new Write(finding.TenantId, finding.Key, finding, default));

    public void Extended(string tenantId, BlacklistKey key, DateTimeOffset expiresAt) => Queue(new Write(tenantId, key, null, expiresAt));

    private void Queue(Write write)
    {
        if (!_queue.Writer.TryWrite(write))
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
            // One transaction per tenant; a stored tenant leaves the batch, so a retry stores nothing twice.
            foreach (var tenant in _batch.GroupBy(w => w.TenantId, StringComparer.Ordinal).ToList())
            {
                var writes = tenant.ToList();
                await StoreAsync(tenant.Key, writes, cancellationToken);
                Interlocked.Add(ref _stored, writes.Count);
                _batch.RemoveAll(w => w.TenantId == tenant.Key);
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

    private async Task StoreAsync(string tenantId, List<Write> writes, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var finding in writes.Select(w => w.Finding).OfType<BlacklistFinding>())
        {
            if (finding.EntryId is not null)
            {
                db.DynamicBlacklistEntries.Add(DynamicBlacklistRows.Entry(finding));
            }

            db.DynamicBlacklistEvents.Add(DynamicBlacklistRows.Event(finding));
        }

        await db.SaveChangesAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var moved in writes.Where(w => w.Finding is null).GroupBy(w => w.Key))
        {
            var key = moved.Key;
            var expires = moved.Max(w => w.ExpiresAt).UtcDateTime;
            // A bulk update skips SaveChanges' stamping: UpdatedAt and Version move here, so the refresher sees it.
            await db.DynamicBlacklistEntries
                .Where(e => e.Subject == key.Subject && e.Value == key.Value && e.MappingGatewayId == key.MappingGatewayId
                    && e.Kind == BlacklistEntryKind.Block && e.ReleasedAt == null && e.ExpiresAt < expires)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(e => e.ExpiresAt, expires).SetProperty(e => e.UpdatedAt, now).SetProperty(e => e.Version, e => e.Version + 1),
                    cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A finding to store, or (with no finding) an entry's moved expiry.</summary>
    private readonly record struct Write(string TenantId, BlacklistKey Key, BlacklistFinding? Finding, DateTimeOffset ExpiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} dynamic-blacklist writes could not be stored at shutdown and are lost")]
    private static partial void LogLostAtShutdown(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} dynamic-blacklist writes failed; retrying in {RetrySeconds} s")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, double retrySeconds);
}
