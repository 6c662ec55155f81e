using System.Globalization;
using System.Text;
using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/reports</c>: so far the ledger's balance history.</summary>
public class ReportService : Service
{
    internal ReportService(ApiRequester requester) : base(requester) { }

    /// <summary>
    /// Closing balances per <paramref name="interval"/> (<c>hour</c> or <c>day</c>) from <paramref name="from"/> to
    /// <paramref name="to"/> (whole UTC hours or days; both null: the last 7 days), of one account or
    /// (<paramref name="accountId"/> null) summed per currency.
    /// </summary>
    public virtual Task<BalanceHistory> BalanceHistoryAsync(
        string? accountId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string interval = "hour",
        RequestOptions? request = null, CancellationToken cancellationToken = default)
    {
        var path = new StringBuilder("v1/reports/balance-history?interval=").Append(Uri.EscapeDataString(interval));
        if (accountId is not null)
        {
            path.Append("&account_id=").Append(QueryString.Segment(accountId));
        }

        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is { } time)
            {
                path.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
            }
        }

        return SendGetAsync<BalanceHistory>(path.ToString(), request, cancellationToken);
    }
}
