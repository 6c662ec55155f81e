namespace Softswitch.Sdk;

/// <summary>Closing balances from the ledger, one row per interval and currency, oldest first.</summary>
public sealed class BalanceHistory
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary><c>hour</c> or <c>day</c>.</summary>
    public required string Interval { get; init; }

    /// <summary>The account asked for; null: every account of the tenant, summed per currency.</summary>
    public required string? AccountId { get; init; }

    public required IReadOnlyList<BalanceHistoryRow> Data { get; init; }
}
