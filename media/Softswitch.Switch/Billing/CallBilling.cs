using Softswitch.Domain.Billing;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Billing;

/// <summary>
/// One call's money: the customer rate it was priced at, what it has reserved of its account's budget and of its
/// package allowances, and the talk time those pay for. Touched only by the call's executor (and by admission before
/// the call exists). A call let through by a monitor-only anti-overdraft policy is <paramref name="limited"/> false:
/// it reserved nothing, is never cut, and is still charged.
/// </summary>
/// <remarks>
/// Each slice of talk time is paid in this order: free seconds of the packages that cover the callee, then free
/// amounts, then the account's balance (see <see cref="PackageGrant"/> for the rounding).
/// </remarks>
internal sealed class CallBilling(string accountId, Tariff tariff, decimal reserved, bool limited = true, CallPackages? packages = null)
{
    private bool _closed;

    public string AccountId => accountId;

    public Tariff Tariff => tariff;

    /// <summary>The call's package allowances; null when its account has none in force for it.</summary>
    public CallPackages? Packages => packages;

    /// <summary>Money reserved of the account's budget (free amounts not included).</summary>
    public decimal Reserved { get; private set; } = reserved;

    /// <summary>Billed seconds the reservations pay for; null when the rate is free per minute (no limit) or the call is not limited.</summary>
    public int? PaidSeconds => limited ? tariff.AffordableSeconds(Held, FreeSeconds) : null;

    private decimal Held => Reserved + (packages?.FreeAmount ?? 0m);

    private int FreeSeconds => packages?.FreeSeconds ?? 0;

    /// <summary>
    /// At setup: reserves the first slice, allowances first; false, holding no money of the account, when together they
    /// do not pay for the first increment.
    /// </summary>
    public bool TryOpen(AccountBudgets budgets, AccountEntry account, TimeSpan slice)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(account);
        var target = tariff.BilledSeconds(slice);
        packages?.TakeSeconds(target);
        var minimum = tariff.PriceAfterFreeSeconds(tariff.BilledSeconds(TimeSpan.FromTicks(1)), FreeSeconds);
        var wanted = tariff.PricePerMinute > 0 ? tariff.PriceAfterFreeSeconds(target, FreeSeconds) : minimum;
        var fromAmount = packages?.TakeAmount(wanted) ?? 0m;
        var fromBalance = Math.Max(0m, minimum - fromAmount);

        // The account's budget is asked even when the allowances pay for everything: that reads its balance in.
        if (budgets.TryReserve(account, fromBalance, Math.Max(0m, wanted - fromAmount), out var granted))
        {
            Reserved += granted;
            return true;
        }

        return fromBalance == 0m;
    }

    /// <summary>Asks for the next slice, allowances first; false when not even one more increment is there.</summary>
    public bool TryExtend(AccountBudgets budgets, TimeSpan slice)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        if (PaidSeconds is not int paid)
        {
            return true;
        }

        var target = tariff.BilledSeconds(TimeSpan.FromSeconds(paid) + slice);
        packages?.TakeSeconds(target - paid);
        var paidNow = PaidSeconds ?? int.MaxValue;
        if (paidNow >= target)
        {
            return true;
        }

        // PaidSeconds is the most the reservations pay for, so one more increment always costs more than they hold.
        var progressed = paidNow > paid;
        var minimum = progressed ? 0m : tariff.PriceAfterFreeSeconds(paid + Math.Max(1, tariff.NextIncrementSeconds), FreeSeconds) - Held;
        var wanted = Math.Max(minimum, tariff.PriceAfterFreeSeconds(target, FreeSeconds) - Held);
        var fromAmount = packages?.TakeAmount(wanted) ?? 0m;
        var fromBalance = Math.Max(0m, minimum - fromAmount);
        if (wanted - fromAmount > 0m && budgets.TryExtend(accountId, fromBalance, wanted - fromAmount, out var granted))
        {
            Reserved += granted;
            return true;
        }

        return fromBalance == 0m && (progressed || fromAmount > 0m || wanted <= 0m);
    }

    /// <summary>
    /// The call ended after <paramref name="answered"/>: returns its charge to the balance, gives back what it reserved
    /// and records its charge and allowance use as unsettled.
    /// </summary>
    public decimal Close(AccountBudgets budgets, TimeSpan answered)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        var split = packages?.Grant.Split(tariff, answered);
        var charge = split?.Charge ?? tariff.Charge(answered);
        if (!_closed)
        {
            _closed = true;
            budgets.Close(accountId, Reserved, charge);
            if (split is { } used)
            {
                packages!.Close(used);
            }
        }

        return charge;
    }
}
