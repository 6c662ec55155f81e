using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Contracts;
using Softswitch.Data;

namespace Softswitch.Api.Reports;

/// <summary>
/// Closing balances read from the ledger (the context's tenant filter keeps every query inside the tenant). The balance
/// of an account at an instant is the <c>balance_after</c> of its last entry posted before it, found by one index seek
/// (tenant, account, posting time) per account and interval end, so the cost follows the number of intervals and
/// accounts, never the ledger's length.
/// </summary>
public static class BalanceHistoryReader
{
    /// <param name="accountId">One account, or (null) every account of the tenant, summed per currency.</param>
    public static async Task<List<BalanceHistoryRow>> ReadAsync(
        SoftswitchDbContext db, string? accountId, BalanceHistoryPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accounts = db.Accounts.AsNoTracking();
        if (accountId is not null)
        {
            accounts = accounts.Where(a => a.Id == accountId);
        }

        var currencies = (await accounts.Select(a => a.Currency).Distinct().ToListAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();
        var rows = new List<BalanceHistoryRow>(period.Count * currencies.Count);
        for (var start = period.From; start < period.To; start += period.Step)
        {
            var end = start + period.Step;
            var closing = await accounts
                .Select(a => new
                {
                    a.Currency,
                    Balance = db.LedgerEntries.Where(e => e.AccountId == a.Id && e.CreatedAt < end)
                        .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Sequence)
                        .Select(e => (decimal?)e.BalanceAfter).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            foreach (var currency in currencies)
            {
                var existing = closing.Where(c => c.Currency == currency && c.Balance is not null).ToList();
                rows.Add(new BalanceHistoryRow(start, end, currency, existing.Sum(c => c.Balance!.Value), existing.Count));
            }
        }

        return rows;
    }
}
