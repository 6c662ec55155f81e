using System.Globalization;
using System.Text;
using Softswitch.Api.Contracts;

namespace Softswitch.Api.Reports;

/// <summary>A balance history as CSV (RFC 4180): the JSON rows' members, in their order and names.</summary>
public static class BalanceHistoryCsv
{
    public static string Write(IReadOnlyList<BalanceHistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder(64 * (rows.Count + 1));
        csv.Append("start,end,currency,closing_balance,accounts\r\n");
        foreach (var row in rows)
        {
            // Every field is a time, a number or an ISO 4217 code: none needs quoting.
            csv.Append(ReportCsv.Time(row.Start)).Append(',')
                .Append(ReportCsv.Time(row.End)).Append(',')
                .Append(row.Currency).Append(',')
                .Append(row.ClosingBalance.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Accounts.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return csv.ToString();
    }
}
