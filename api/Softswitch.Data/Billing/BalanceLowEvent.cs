using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Softswitch.Domain;

namespace Softswitch.Data.Billing;

/// <summary>
/// The <c>balance.low</c> webhook event: put in the outbox by the ledger posting that takes an account's balance below
/// its <see cref="Account.LowBalanceThreshold"/>, in that posting's transaction, when an enabled endpoint of the tenant
/// subscribes to it. The worker's <c>webhook-retries</c> job fans it out and delivers it.
/// </summary>
public static class BalanceLowEvent
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The account as the crossing posting left it.</summary>
    public sealed record Snapshot(string AccountId, string Name, string Currency, decimal Balance, decimal CreditLimit, decimal Threshold);

    /// <summary>Adds the event to the context's outbox when an enabled endpoint subscribes; the caller saves.</summary>
    public static async Task AddIfSubscribedAsync(SoftswitchDbContext db, Snapshot account, LedgerEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(entry);
        var subscriptions = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => e.EventTypes).ToListAsync(cancellationToken);
        if (!subscriptions.Any(types => types.Contains(WebhookEventTypes.BalanceLow, StringComparer.Ordinal)))
        {
            return;
        }

        var id = WebhookEventIds.New(now);
        var body = new
        {
            Type = WebhookEventTypes.BalanceLow,
            Timestamp = now,
            EventId = id,
            TenantId = db.CurrentTenantId,
            Data = new
            {
                account.AccountId,
                account.Name,
                account.Currency,
                account.Balance,
                account.CreditLimit,
                AvailableFunds = account.Balance + account.CreditLimit,
                account.Threshold,
                TransactionId = entry.Id,
                TransactionKind = entry.Kind,
                entry.Amount,
                entry.Sequence,
            },
        };
        db.WebhookEvents.Add(new WebhookEvent { Id = id, Type = WebhookEventTypes.BalanceLow, OccurredAt = now, Payload = JsonSerializer.Serialize(body, Json) });
    }
}
