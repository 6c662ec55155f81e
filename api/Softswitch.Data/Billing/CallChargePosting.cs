using Softswitch.Domain;

namespace Softswitch.Data.Billing;

/// <summary>
/// Posts the charges of a batch of new CDRs to their accounts' ledgers: one entry per account and batch, in the
/// transaction that stores the CDRs, so a charge is in the balance exactly when its CDR is stored, and a CDR replayed
/// from the spool (skipped as already stored) is never charged twice.
/// </summary>
public static class CallChargePosting
{
    public const string Actor = "switch";

    /// <summary>What one account's entry posted: the sum charged and the balance and ledger sequence after it.</summary>
    public sealed record Posted(string AccountId, decimal Charged, decimal BalanceAfter, long Sequence);

    public static async Task<IReadOnlyList<Posted>> PostAsync(SoftswitchDbContext db, IReadOnlyList<Cdr> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var posted = new List<Posted>();
        foreach (var account in rows.Where(r => r.AccountId is not null && r.Charge > 0m).GroupBy(r => r.AccountId!, StringComparer.Ordinal))
        {
            var charged = account.Sum(r => r.Charge!.Value);
            var entry = new LedgerEntry
            {
                AccountId = account.Key,
                Kind = LedgerEntryKind.CallCharges,
                Amount = -charged,
                CallCount = account.Count(),
                Reference = account.Max(r => r.Id),
                Description = "Call charges",
                Actor = Actor,
            };

            // A CDR of a deleted account keeps its charge on the record; there is no balance left to move.
            if (await AccountLedger.PostAsync(db, entry, settingsChanged: false, cancellationToken))
            {
                posted.Add(new Posted(account.Key, charged, entry.BalanceAfter, entry.Sequence));
            }
        }

        return posted;
    }
}
