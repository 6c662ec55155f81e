using Microsoft.AspNetCore.Mvc;

namespace Softswitch.Api.Contracts;

/// <summary>
/// The balance-history query: one account (<c>account_id</c>) or every account of the tenant, per <c>interval</c>
/// (<c>hour</c>, the default, or <c>day</c>) from <c>from</c> (inclusive) to <c>to</c> (exclusive), whole UTC hours or
/// days; without them the 7 days up to the end of the current hour (or day). <c>format=csv</c> (or
/// <c>Accept: text/csv</c>) answers CSV.
/// </summary>
public sealed record BalanceHistoryQuery(
    [FromQuery(Name = "account_id")] string? AccountId,
    [FromQuery(Name = "from")] DateTime? From,
    [FromQuery(Name = "to")] DateTime? To,
    [FromQuery(Name = "interval")] string? Interval,
    [FromQuery(Name = "format")] string? Format);

/// <summary>Closing balances from the ledger: one row per interval and currency, oldest first.</summary>
/// <param name="AccountId">The account asked for; null: the sum of every account of the tenant, per currency.</param>
/// <param name="Interval"><c>hour</c> or <c>day</c>.</param>
public sealed record BalanceHistory(DateTime From, DateTime To, string Interval, string? AccountId, IReadOnlyList<BalanceHistoryRow> Data);

/// <summary>
/// The balance at the end of one interval (<c>end</c>, exclusive): the <c>balance_after</c> of the last ledger entry
/// posted before it, summed over the accounts of one currency. <c>accounts</c> counts the accounts that had a ledger
/// entry by then; an account with none yet did not exist and adds nothing.
/// </summary>
public sealed record BalanceHistoryRow(DateTime Start, DateTime End, string Currency, decimal ClosingBalance, int Accounts);
