using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/reports</c>: CDR analysis from the hourly rollups (counted within about two minutes of a CDR) and the ledger's
/// balance history. A traffic report's period runs from <c>from</c> (inclusive) to <c>to</c> in whole UTC hours, at most
/// 366 days; <c>to</c> defaults to the end of the current hour and <c>from</c> to 7 days before <c>to</c>. Each report
/// has a <c>…CsvAsync</c> twin answering the same rows as CSV.
/// </summary>
public class ReportService : Service
{
    internal ReportService(ApiRequester requester) : base(requester) { }

    /// <summary>Calls, ASR, ACD, PDD, minutes, charge, cost and profit per mapping gateway, and per phone.</summary>
    public virtual Task<Report<MappingGatewayReportRow>> MappingGatewaysAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<MappingGatewayReportRow>>(Path("mapping-gateways", from, to), request, cancellationToken);

    public virtual Task<string> MappingGatewaysCsvAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("mapping-gateways", from, to, csv: true), request, cancellationToken);

    /// <summary>Attempts, ASR, ACD, PDD, minutes, charge, cost and profit per routing gateway.</summary>
    public virtual Task<Report<RoutingGatewayReportRow>> RoutingGatewaysAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<RoutingGatewayReportRow>>(Path("routing-gateways", from, to), request, cancellationToken);

    public virtual Task<string> RoutingGatewaysCsvAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("routing-gateways", from, to, csv: true), request, cancellationToken);

    /// <summary>Failed calls by final SIP status (300 and above).</summary>
    public virtual Task<Report<FailureCodeReportRow>> FailureCodesAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<FailureCodeReportRow>>(Path("failure-codes", from, to), request, cancellationToken);

    public virtual Task<string> FailureCodesCsvAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("failure-codes", from, to, csv: true), request, cancellationToken);

    /// <summary>Refused calls by the admission rule that refused them.</summary>
    public virtual Task<Report<RefusalRuleReportRow>> RefusalRulesAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<RefusalRuleReportRow>>(Path("refusal-rules", from, to), request, cancellationToken);

    public virtual Task<string> RefusalRulesCsvAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("refusal-rules", from, to, csv: true), request, cancellationToken);

    /// <summary>Totals per UTC day, of one account or (<paramref name="accountId"/> null) of all.</summary>
    public virtual Task<Report<PeriodReportRow>> DailyAsync(
        string? accountId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null,
        CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<PeriodReportRow>>(Path("daily", from, to, accountId: accountId), request, cancellationToken);

    public virtual Task<string> DailyCsvAsync(
        string? accountId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null,
        CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("daily", from, to, csv: true, accountId: accountId), request, cancellationToken);

    /// <summary>Totals per UTC hour, of one account or (<paramref name="accountId"/> null) of all.</summary>
    public virtual Task<Report<PeriodReportRow>> HourlyAsync(
        string? accountId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null,
        CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<PeriodReportRow>>(Path("hourly", from, to, accountId: accountId), request, cancellationToken);

    public virtual Task<string> HourlyCsvAsync(
        string? accountId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null,
        CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("hourly", from, to, csv: true, accountId: accountId), request, cancellationToken);

    /// <summary>Calls by destination country and number type.</summary>
    public virtual Task<Report<DestinationReportRow>> DestinationsAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<DestinationReportRow>>(Path("destinations", from, to), request, cancellationToken);

    public virtual Task<string> DestinationsCsvAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("destinations", from, to, csv: true), request, cancellationToken);

    /// <summary>The gateway × destination country cross table, of routing gateways (<paramref name="side"/> <c>routing</c>) or mapping gateways (<c>mapping</c>).</summary>
    public virtual Task<Report<GatewayAreaReportRow>> GatewayAreasAsync(
        string side = "routing", DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null,
        CancellationToken cancellationToken = default) =>
        SendGetAsync<Report<GatewayAreaReportRow>>(Path("gateway-areas", from, to, side: side), request, cancellationToken);

    public virtual Task<string> GatewayAreasCsvAsync(
        string side = "routing", DateTimeOffset? from = null, DateTimeOffset? to = null, RequestOptions? request = null,
        CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(Path("gateway-areas", from, to, csv: true, side: side), request, cancellationToken);

    /// <summary>
    /// Closing balances per <paramref name="interval"/> (<c>hour</c> or <c>day</c>) from <paramref name="from"/> to
    /// <paramref name="to"/> (whole UTC hours or days; both null: the last 7 days), of one account or
    /// (<paramref name="accountId"/> null) summed per currency.
    /// </summary>
    public virtual Task<BalanceHistory> BalanceHistoryAsync(
        string? accountId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string interval = "hour",
        RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<BalanceHistory>(BalanceHistoryPath(accountId, from, to, interval, csv: false), request, cancellationToken);

    public virtual Task<string> BalanceHistoryCsvAsync(
        string? accountId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string interval = "hour",
        RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetCsvAsync(BalanceHistoryPath(accountId, from, to, interval, csv: true), request, cancellationToken);

    private static string Path(
        string report, DateTimeOffset? from, DateTimeOffset? to, bool csv = false, string? accountId = null, string? side = null) =>
        QueryString.Append($"v1/reports/{report}",
        [
            new("from", QueryString.Time(from)), new("to", QueryString.Time(to)), new("format", csv ? "csv" : null),
            new("account_id", accountId), new("side", side),
        ]);

    private static string BalanceHistoryPath(string? accountId, DateTimeOffset? from, DateTimeOffset? to, string interval, bool csv) =>
        QueryString.Append("v1/reports/balance-history",
        [
            new("interval", interval), new("account_id", accountId), new("from", QueryString.Time(from)), new("to", QueryString.Time(to)),
            new("format", csv ? "csv" : null),
        ]);
}
