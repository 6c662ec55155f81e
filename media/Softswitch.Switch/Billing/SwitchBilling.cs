namespace Softswitch.Switch.Billing;

/// <summary>What rating and anti-overdraft share across the switch: the rates in force, the accounts' budgets, the settings.</summary>
public sealed record SwitchBilling(RateBookSource Rates, AccountBudgets Budgets, BillingOptions Options)
{
    /// <summary>The accounts' package allowances for the current periods (empty until the refresher publishes).</summary>
    public PackageAllowances Packages { get; init; } = new();
}
