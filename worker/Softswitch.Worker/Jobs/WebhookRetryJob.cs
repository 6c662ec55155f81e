using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// The long-retry path of webhooks, every minute. First it fans out outbox events older than
/// <see cref="FanOutDelay"/> (time for the switch's fast path to log its own deliveries): a pending delivery, due now,
/// for each enabled endpoint that subscribed to the event's type before it happened and has no delivery of it yet.
/// Then it sends due deliveries, <see cref="BatchSize"/> at most per run, <see cref="Parallelism"/> at once, each
/// re-signed with the secrets of that moment, on <see cref="WebhookRetrySchedule"/>; a 410 or a schedule run out
/// disables the endpoint and leaves the tenant a <c>webhook-disabled</c> security event. Last it deletes events and
/// deliveries past the retention, and a tenant's oldest events beyond its outbox bound (telling it with a
/// <c>webhook-outbox-full</c> security event). One run at a time (<c>DisableConcurrentExecution</c>); a second run after a crash at worst sends an attempt again, which the receiver drops by <c>webhook-id</c>.
/// </summary>
public sealed partial class WebhookRetryJob(
    DbContextOptions<SoftswitchDbContext> options, IWebhookSender sender, IOptions<WebhookOptions> settings, TimeProvider time,
    ILogger<WebhookRetryJob> logger)
{
    public static readonly TimeSpan FanOutDelay = TimeSpan.FromMinutes(1);

    /// <summary>The security-event rule telling a tenant that its outbox passed its bound and lost its oldest events.</summary>
    public const string OutboxFullRule = "webhook-outbox-full";
    private const int BatchSize = 500;
    private const int Parallelism = 16;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await FanOutAsync(cancellationToken);
        var sent = await SendDueAsync(cancellationToken);
        await PurgeAsync(cancellationToken);
        return sent;
    }

    private async Task FanOutAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ripe = now - FanOutDelay;
        await using var platform = Platform();
        var events = await platform.WebhookEvents.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Where(e => e.FannedOutAt == null && e.CreatedAt <= ripe).OrderBy(e => e.Id).Take(BatchSize * 4)
            .Select(e => new { e.Id, e.TenantId, e.Type, e.OccurredAt }).ToListAsync(cancellationToken);
        foreach (var tenant in events.GroupBy(e => e.TenantId, StringComparer.Ordinal))
        {
            await using var db = For(tenant.Key);
            var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(cancellationToken);
            var ids = tenant.Select(e => e.Id).ToList();
            var existing = (await db.WebhookDeliveries.Where(d => ids.Contains(d.EventId)).Select(d => new { d.EventId, d.EndpointId }).ToListAsync(cancellationToken))
                .Select(d => (d.EventId, d.EndpointId)).ToHashSet();
            foreach (var item in tenant)
            {
                foreach (var endpoint in endpoints.Where(e => e.EventTypes.Contains(item.Type) && e.CreatedAt <= item.OccurredAt && !existing.Contains((item.Id, e.Id))))
                {
                    db.WebhookDeliveries.Add(new WebhookDelivery
                    {
                        EndpointId = endpoint.Id, EventId = item.Id, EventType = item.Type, Status = WebhookDeliveryStatus.Pending, NextAttemptAt = now,
                    });
                }
            }

            await db.WebhookEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.FannedOutAt, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<WebhookDelivery> due;
        await using (var platform = Platform())
        {
            due = await platform.WebhookDeliveries.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var tenant in due.GroupBy(d => d.TenantId, StringComparer.Ordinal))
        {
            sent += await SendAsync(tenant.Key, tenant.Select(d => d.Id).ToList(), cancellationToken);
        }

        return sent;
    }

    private async Task<int> SendAsync(string tenantId, List<string> deliveryIds, CancellationToken cancellationToken)
    {
        await using var db = For(tenantId);
        var deliveries = await db.WebhookDeliveries.Where(d => deliveryIds.Contains(d.Id)).ToListAsync(cancellationToken);
        var eventIds = deliveries.Select(d => d.EventId).Distinct().ToList();
        var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
        var events = await db.WebhookEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken);
        var endpoints = await db.WebhookEndpoints.Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken);
        var attempts = new Dictionary<string, WebhookAttempt>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var sendable = new List<(WebhookDelivery Delivery, WebhookEndpoint Endpoint, byte[] Body)>();
        foreach (var delivery in deliveries)
        {
            var endpoint = endpoints[delivery.EndpointId];
            if (!endpoint.Enabled)
            {
                delivery.Status = WebhookDeliveryStatus.Failed;
                delivery.NextAttemptAt = null;
                delivery.Error = "the endpoint is disabled";
            }
            else if (!events.TryGetValue(delivery.EventId, out var stored))
            {
                // The fast path stores a failed delivery with its event, so only the outbox cap can have taken it.
                delivery.Status = WebhookDeliveryStatus.Failed;
                delivery.NextAttemptAt = null;
                delivery.Error = "the event is no longer in the outbox";
            }
            else
            {
                sendable.Add((delivery, endpoint, Encoding.UTF8.GetBytes(stored.Payload)));
            }
        }

        await Parallel.ForEachAsync(
            sendable,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var attempt = await AttemptAsync(item.Endpoint, item.Delivery.EventId, item.Body, token);
                lock (attempts)
                {
                    attempts[item.Delivery.Id] = attempt;
                }
            });

        now = time.GetUtcNow().UtcDateTime;
        foreach (var (delivery, endpoint, _) in sendable)
        {
            if (WebhookDeliveryProgress.Apply(delivery, attempts[delivery.Id], 1, now) is { } reason && endpoint.Enabled)
            {
                db.SecurityEvents.Add(WebhookEndpointState.Disable(endpoint, reason, now));
                LogDisabled(logger, endpoint.Id, tenantId, reason);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sendable.Count;
    }

    /// <summary>One attempt under the configured timeout; a timeout is an attempt with no answer.</summary>
    public async Task<WebhookAttempt> AttemptAsync(WebhookEndpoint endpoint, string eventId, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var timeout = TimeSpan.FromSeconds(settings.Value.AttemptTimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await sender.SendAsync(endpoint, eventId, body, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, timeout, "timed out", null);
        }
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var before = now - TimeSpan.FromDays(settings.Value.RetentionDays);
        await using var platform = Platform();
        await platform.WebhookDeliveries.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])
            .Where(d => d.Status != WebhookDeliveryStatus.Pending && d.UpdatedAt < before).ExecuteDeleteAsync(cancellationToken);
        await platform.WebhookEvents.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])
            .Where(e => e.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);

        // The outbox bound per tenant: a receiver down for days must not let one tenant fill the database.
        var cap = settings.Value.MaxOutboxEventsPerTenant;
        var full = await platform.WebhookEvents.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])
            .GroupBy(e => e.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() }).Where(g => g.Count > cap)
            .ToListAsync(cancellationToken);
        foreach (var tenant in full)
        {
            await using var db = For(tenant.TenantId);
            var newestDropped = await db.WebhookEvents.OrderBy(e => e.Id).Skip(tenant.Count - cap - 1).Select(e => e.Id).FirstAsync(cancellationToken);
            var dropped = await db.WebhookEvents.Where(e => string.Compare(e.Id, newestDropped) <= 0).ExecuteDeleteAsync(cancellationToken);
            db.SecurityEvents.Add(new SecurityEvent
            {
                OccurredAt = now, Rule = OutboxFullRule, Action = SecurityAction.Alert, Address = "", TenantId = tenant.TenantId, Count = tenant.Count,
                Threshold = cap, Evidence = $"The webhook outbox held {tenant.Count} events; the oldest {dropped} were dropped undelivered.",
            });
            await db.SaveChangesAsync(cancellationToken);
            LogOutboxFull(logger, tenant.TenantId, dropped);
        }
    }

    private SoftswitchDbContext Platform() => new(options, FixedTenantContext.None, time);

    private SoftswitchDbContext For(string tenantId) => new(options, new FixedTenantContext(tenantId), time);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook outbox of tenant {TenantId} passed its bound: {Count} oldest events dropped")]
    private static partial void LogOutboxFull(ILogger logger, string tenantId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} of tenant {TenantId} disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, string endpointId, string tenantId, string reason);
}
