using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// Stores the fast path's outcomes in batches (every <see cref="Window"/>): a delivery row per (event, endpoint),
/// succeeded or due for the retry job; for a failure also the event itself, so its retries need not wait for the
/// call's CDR; and a 410 disables the endpoint. The queue is bounded: an outcome it cannot take is counted, and the
/// retry job, finding no delivery row, sends that event again (a duplicate the receiver drops by webhook-id, never a loss).
/// </summary>
public sealed partial class WebhookDeliveryLog(
    DbContextOptions<SoftswitchDbContext> options, WebhookCounters counters, TimeProvider time, ILogger<WebhookDeliveryLog> logger)
    : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);
    private const int Capacity = 50_000;
    private const int BatchSize = 500;

    private readonly Channel<WebhookOutcome> _outcomes = Channel.CreateBounded<WebhookOutcome>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public void Record(WebhookOutcome outcome)
    {
        if (!_outcomes.Writer.TryWrite(outcome))
        {
            counters.CountLogDropped();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WebhookOutcome>(BatchSize);
        while (await _outcomes.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Window, time, stoppingToken);
            while (batch.Count < BatchSize && _outcomes.Reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            try
            {
                await StoreAsync(batch, stoppingToken);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // Unlogged outcomes are delivered again by the retry job: at least once, never lost.
                LogStoreFailed(logger, exception, batch.Count);
            }

            batch.Clear();
        }
    }

    public async Task StoreAsync(IReadOnlyList<WebhookOutcome> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var tenant in batch.GroupBy(o => o.Event.TenantId, StringComparer.Ordinal))
        {
            await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenant.Key), time);
            var eventIds = tenant.Select(o => o.Event.EventId).Distinct().ToList();
            var logged = (await db.WebhookDeliveries.Where(d => eventIds.Contains(d.EventId)).Select(d => new { d.EventId, d.EndpointId }).ToListAsync(cancellationToken))
                .Select(d => (d.EventId, d.EndpointId)).ToHashSet();
            var endpointIds = tenant.Select(o => o.Endpoint.Id).Distinct().ToList();
            var endpoints = await db.WebhookEndpoints.Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken);
            var failedEvents = tenant.Where(o => !o.Attempt.Succeeded).Select(o => o.Event).DistinctBy(e => e.EventId).ToList();
            var failedIds = failedEvents.Select(e => e.EventId).ToList();
            var stored = (await db.WebhookEvents.Where(e => failedIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var missing in failedEvents.Where(e => !stored.Contains(e.EventId)))
            {
                db.WebhookEvents.Add(WebhookOutbox.Row(missing));
            }

            foreach (var outcome in tenant)
            {
                if (!endpoints.TryGetValue(outcome.Endpoint.Id, out var endpoint) || !logged.Add((outcome.Event.EventId, endpoint.Id)))
                {
                    continue;
                }

                var delivery = new WebhookDelivery { EndpointId = endpoint.Id, EventId = outcome.Event.EventId, EventType = outcome.Event.Type };
                if (WebhookDeliveryProgress.Apply(delivery, outcome.Attempt, outcome.Attempts, now) is { } disable && endpoint.Enabled)
                {
                    db.SecurityEvents.Add(WebhookEndpointState.Disable(endpoint, disable, now));
                }

                db.WebhookDeliveries.Add(delivery);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _outcomes.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Logging {Count} webhook outcomes failed; the retry job sends their events again")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count);
}
