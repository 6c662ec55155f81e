namespace Softswitch.Sdk;

/// <summary>
/// The balance at <see cref="End"/>: the last ledger posting before it, summed over the accounts of one currency;
/// <see cref="Accounts"/> counts those that existed by then.
/// </summary>
public sealed class BalanceHistoryRow
{
    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required string Currency { get; init; }

    public required decimal ClosingBalance { get; init; }

    public required int Accounts { get; init; }
}
