using System.Collections.Concurrent;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Billing;

/// <summary>
/// What each account can still spend, shared by all its calls on this switch (VOS3000 anti-overdraft):
/// balance + credit limit − what live calls have reserved − what ended calls have charged but the database has not yet
/// posted. Every change to one account's figures happens under that account's lock, so concurrent calls can never
/// together reserve more than the account has.
/// </summary>
/// <remarks>
/// The balance comes from two places: the configuration snapshot (operators' postings move the account's version, so the
/// refresh reads them) and the CDR store's settlements (the switch's own charges, posted with their CDRs). Each carries
/// the account's ledger sequence, and only a newer one replaces the balance, so a snapshot read before a settlement
/// committed never undoes it. A charge stays "unsettled" until its settlement arrives; between the commit and that call
/// it counts twice, which errs on the safe side for a moment.
/// One entry per account that placed a call: bounded by the provisioned accounts.
/// </remarks>
public sealed class AccountBudgets
{
    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);

    /// <summary>
    /// Reserves up to <paramref name="wanted"/> and at least <paramref name="minimum"/> of <paramref name="account"/>'s
    /// money; false, reserving nothing, when even the minimum is not there.
    /// </summary>
    public bool TryReserve(AccountEntry account, decimal minimum, decimal wanted, out decimal granted)
    {
        ArgumentNullException.ThrowIfNull(account);
        var budget = _budgets.GetOrAdd(account.Id, static _ => new Budget());
        lock (budget)
        {
            budget.Observe(account.AvailableFunds - account.CreditLimit, account.LedgerSequence);
            budget.CreditLimit = account.CreditLimit;
            return budget.TryTake(minimum, wanted, out granted);
        }
    }

    /// <summary>More money for a call that already holds a reservation (its account's budget exists).</summary>
    public bool TryExtend(string accountId, decimal minimum, decimal wanted, out decimal granted)
    {
        if (!_budgets.TryGetValue(accountId, out var budget))
        {
            granted = 0m;
            return false;
        }

        lock (budget)
        {
            return budget.TryTake(minimum, wanted, out granted);
        }
    }

    /// <summary>A call ended: its reservation goes back and its charge waits for the database.</summary>
    public void Close(string accountId, decimal reserved, decimal charge)
    {
        if (_budgets.TryGetValue(accountId, out var budget))
        {
            lock (budget)
            {
                budget.Reserved -= reserved;
                budget.Unsettled += charge;
            }
        }
    }

    /// <summary>
    /// The database posted <paramref name="charged"/> of the account's call charges; its balance is now
    /// <paramref name="balanceAfter"/> at ledger sequence <paramref name="sequence"/>.
    /// </summary>
    public void Settle(string accountId, decimal charged, decimal balanceAfter, long sequence)
    {
        var budget = _budgets.GetOrAdd(accountId, static _ => new Budget());
        lock (budget)
        {
            // Charges recovered from the spool after a restart were never unsettled here.
            budget.Unsettled = Math.Max(0m, budget.Unsettled - charged);
            budget.Observe(balanceAfter, sequence);
        }
    }

    /// <summary>What the account could reserve now; null for an account with no calls on this switch yet.</summary>
    public decimal? Available(string accountId)
    {
        if (!_budgets.TryGetValue(accountId, out var budget))
        {
            return null;
        }

        lock (budget)
        {
            return budget.Available;
        }
    }

    private sealed class Budget
    {
        private decimal _balance;
        private long _sequence = -1;

        public decimal CreditLimit { get; set; }

        public decimal Reserved { get; set; }

        public decimal Unsettled { get; set; }

        public decimal Available => _balance + CreditLimit - Reserved - Unsettled;

        public void Observe(decimal balance, long sequence)
        {
            if (sequence > _sequence)
            {
                _balance = balance;
                _sequence = sequence;
            }
        }

        public bool TryTake(decimal minimum, decimal wanted, out decimal granted)
        {
            var available = Available;
            if (available < minimum)
            {
                granted = 0m;
                return false;
            }

            granted = Math.Min(Math.Max(minimum, wanted), available);
            Reserved += granted;
            return true;
        }
    }
}
