using Microsoft.EntityFrameworkCore;
using Softswitch.Domain;

namespace Softswitch.Data.Billing;

/// <summary>
/// The only way an account's balance moves: one atomic increment of the balance and its ledger sequence, and one
/// ledger row carrying the amount and the balance after it, in the caller's transaction. The increment is done by the
/// database (<c>Balance = Balance + @amount</c>), so concurrent postings (the switch's call charges, an operator's
/// top-up) never overwrite each other, and the balance stays the sum of the ledger.
/// </summary>
public static class AccountLedger
{
    public const string LowBalanceRule = "low-balance";

    /// <summary>
    /// Posts <paramref name="entry"/> (its account, kind, amount and texts set) and fills its id, sequence and balance after.
    /// The posting that takes the balance below the account's low-balance threshold raises the <c>low-balance</c> alert
    /// and, for subscribed endpoints, the <c>balance.low</c> webhook event (<see cref="BalanceLowEvent"/>), both once per
    /// crossing: the next posting below does not, one after a rise back to the threshold or above does again.
    /// <paramref name="settingsChanged"/> also moves the account's <c>UpdatedAt</c> and <c>Version</c>, so the switch's
    /// configuration refresh reads the new balance within its interval; call charges leave them, the switch knows its own.
    /// Returns false when the account does not exist for the context's tenant.
    /// </summary>
    public static async Task<bool> PostAsync(SoftswitchDbContext db, LedgerEntry entry, bool settingsChanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A ledger posting runs inside the caller's transaction.");
        }

        var amount = entry.Amount;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var accounts = db.Accounts.Where(a => a.Id == entry.AccountId);
        var updated = settingsChanged
            ? await accounts.ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Balance, a => a.Balance + amount)
                    .SetProperty(a => a.LedgerSequence, a => a.LedgerSequence + 1)
                    .SetProperty(a => a.UpdatedAt, now)
                    .SetProperty(a => a.Version, a => a.Version + 1),
                cancellationToken)
            : await accounts.ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Balance, a => a.Balance + amount)
                    .SetProperty(a => a.LedgerSequence, a => a.LedgerSequence + 1),
                cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        var after = await accounts.Select(a => new { a.Balance, a.LedgerSequence, a.LowBalanceThreshold, a.Name, a.Currency, a.CreditLimit })
            .SingleAsync(cancellationToken);
        entry.Sequence = after.LedgerSequence;
        entry.BalanceAfter = after.Balance;
        if (string.IsNullOrEmpty(entry.Id))
        {
            entry.Id = IdGenerator.New(IdPrefix.LedgerEntry, db.Clock.GetUtcNow());
        }

        db.LedgerEntries.Add(entry);
        if (after.LowBalanceThreshold is { } threshold && after.Balance < threshold && after.Balance - amount >= threshold)
        {
            db.SecurityEvents.Add(LowBalanceAlert(db, entry, threshold, now));
            await BalanceLowEvent.AddIfSubscribedAsync(
                db, new(entry.AccountId, after.Name, after.Currency, after.Balance, after.CreditLimit, threshold), entry, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The alert raised once, by the posting that crosses the threshold downwards.</summary>
    private static SecurityEvent LowBalanceAlert(SoftswitchDbContext db, LedgerEntry entry, decimal threshold, DateTime now) => new()
    {
        OccurredAt = now,
        Rule = LowBalanceRule,
        Action = SecurityAction.Alert,
        TenantId = db.CurrentTenantId,
        Evidence = FormattableString.Invariant($"Account {entry.AccountId}: balance {entry.BalanceAfter} after {entry.Kind} of {entry.Amount}, below the threshold {threshold}"),
    };
}
