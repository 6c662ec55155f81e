using Microsoft.EntityFrameworkCore;
using Softswitch.Domain;

namespace Softswitch.Data.Billing;

/// <summary>
/// Charges and renews package subscriptions through the account ledger. Every charge is recorded as a
/// <see cref="PackageCharge"/> unique per subscription, period and kind, so running the renewal twice charges once.
/// Callers run these inside their own transaction.
/// </summary>
public static class PackageBilling
{
    /// <summary>Periods one run catches up at most for a subscription (a worker that was down for months).</summary>
    public const int MaxPeriodsPerRun = 12;

    public static DateTime PeriodStart(Subscription subscription, int period)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.StartsAt.AddMonths(period);
    }

    /// <summary>Charges <paramref name="amount"/> of <paramref name="kind"/> for the period once; false when it was charged before or is zero.</summary>
    public static async Task<bool> ChargeOnceAsync(
        SoftswitchDbContext db, Subscription subscription, DateTime periodStart, PackageChargeKind kind, decimal amount, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subscription);
        if (amount <= 0m || await db.PackageCharges.AnyAsync(
                c => c.SubscriptionId == subscription.Id && c.PeriodStart == periodStart && c.Kind == kind, cancellationToken))
        {
            return false;
        }

        var entry = new LedgerEntry
        {
            AccountId = subscription.AccountId,
            Kind = kind == PackageChargeKind.Rent ? LedgerEntryKind.PackageRent : LedgerEntryKind.MinimumSpendShortfall,
            Amount = -amount,
            Reference = subscription.Id,
            Description = FormattableString.Invariant($"{kind} for the period from {periodStart:yyyy-MM-dd}"),
            Actor = actor,
        };
        await AccountLedger.PostAsync(db, entry, settingsChanged: true, cancellationToken);
        db.PackageCharges.Add(new PackageCharge
        {
            SubscriptionId = subscription.Id, PeriodStart = periodStart, Kind = kind, Amount = amount, LedgerEntryId = entry.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>What the account can still spend: balance + credit limit.</summary>
    public static async Task<decimal> AvailableFundsAsync(SoftswitchDbContext db, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var funds = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Balance, a.CreditLimit }).SingleAsync(cancellationToken);
        return funds.Balance + funds.CreditLimit;
    }

    /// <summary>
    /// Brings a due subscription up to date at <paramref name="now"/>: for each ended period, the minimum-spend shortfall;
    /// then the next period's rent, or, when the package ends or the account cannot pay, the subscription's end.
    /// </summary>
    public static async Task RenewAsync(SoftswitchDbContext db, Subscription subscription, Package package, DateTime now, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(package);
        for (var step = 0; step < MaxPeriodsPerRun && subscription.Status == SubscriptionStatus.Active && subscription.PaidThrough <= now; step++)
        {
            var ended = PeriodStart(subscription, subscription.PeriodsPaid - 1);
            var next = subscription.PaidThrough;
            if (package.MinimumMonthlySpend > 0m)
            {
                var spent = await db.Cdrs.AsNoTracking()
                    .Where(c => c.AccountId == subscription.AccountId && c.SetupAt >= ended && c.SetupAt < next && c.Charge != null)
                    .Select(c => c.Charge!.Value)
                    .ToListAsync(cancellationToken);
                await ChargeOnceAsync(db, subscription, ended, PackageChargeKind.MinimumSpendShortfall, package.MinimumMonthlySpend - spent.Sum(), actor, cancellationToken);
            }

            if (!package.AutoRenew || package.ExpiresAt <= next)
            {
                End(subscription, SubscriptionStatus.Lapsed, next);
                break;
            }

            if (package.MonthlyRent > await AvailableFundsAsync(db, subscription.AccountId, cancellationToken))
            {
                await FailRenewalAsync(db, subscription, package, next, cancellationToken);
                break;
            }

            await ChargeOnceAsync(db, subscription, next, PackageChargeKind.Rent, package.MonthlyRent, actor, cancellationToken);
            subscription.PeriodsPaid++;
            subscription.PaidThrough = PeriodStart(subscription, subscription.PeriodsPaid);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task FailRenewalAsync(SoftswitchDbContext db, Subscription subscription, Package package, DateTime at, CancellationToken cancellationToken)
    {
        if (package.FailedRenewal == FailedRenewalMode.Lapse)
        {
            End(subscription, SubscriptionStatus.Lapsed, at);
            return;
        }

        End(subscription, SubscriptionStatus.Suspended, at);
        var account = await db.Accounts.SingleAsync(a => a.Id == subscription.AccountId, cancellationToken);
        account.Status = AccountStatus.Suspended;
    }

    private static void End(Subscription subscription, SubscriptionStatus status, DateTime at)
    {
        subscription.Status = status;
        subscription.EndedAt = at;
    }
}
