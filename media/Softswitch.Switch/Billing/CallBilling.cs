using Softswitch.Domain.Billing;

namespace Softswitch.Switch.Billing;

/// <summary>
/// One call's money: the customer rate it was priced at, what it has reserved of its account's budget, and the talk
/// time that reservation pays for. Touched only by the call's executor (and by admission before the call exists).
/// A call let through by a monitor-only anti-overdraft policy is <paramref name="limited"/> false: it reserved nothing,
/// is never cut, and is still charged.
/// </summary>
internal sealed class CallBilling(string accountId, Tariff tariff, decimal reserved, bool limited = true)
{
    private bool _closed;

    public string AccountId => accountId;

    public Tariff Tariff => tariff;

    public decimal Reserved { get; private set; } = reserved;

    /// <summary>Billed seconds the reservation pays for; null when the rate is free per minute (no limit).</summary>
    public int? PaidSeconds => limited ? tariff.AffordableSeconds(Reserved) : null;

    /// <summary>Asks the account for the next slice; false when not even one more increment is there.</summary>
    public bool TryExtend(AccountBudgets budgets, TimeSpan slice)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        if (PaidSeconds is not int paid)
        {
            return true;
        }

        // PaidSeconds is the most the reservation pays for, so one more increment always costs more than it holds.
        var minimum = tariff.Price(paid + Math.Max(1, tariff.NextIncrementSeconds)) - Reserved;
        var wanted = Math.Max(minimum, tariff.Price(tariff.BilledSeconds(TimeSpan.FromSeconds(paid) + slice)) - Reserved);
        if (!budgets.TryExtend(accountId, minimum, wanted, out var granted))
        {
            return false;
        }

        Reserved += granted;
        return true;
    }

    /// <summary>The call ended after <paramref name="answered"/>: returns its charge, gives back the reservation and records the charge as unsettled.</summary>
    public decimal Close(AccountBudgets budgets, TimeSpan answered)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        var charge = tariff.Charge(answered);
        if (!_closed)
        {
            _closed = true;
            budgets.Close(accountId, Reserved, charge);
        }

        return charge;
    }
}
