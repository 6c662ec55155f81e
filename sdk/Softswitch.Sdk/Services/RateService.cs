using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/rate-tables/{id}/rates</c>: the rates of one rate table, the longest-prefix lookup the switch rates calls
/// with, and the CSV rate-deck import.
/// </summary>
public class RateService : Service
{
    private const string CsvMediaType = "text/csv";

    internal RateService(ApiRequester requester) : base(requester) { }

    public virtual Task<Rate> CreateAsync(string rateTableId, RateOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<Rate>(Collection(rateTableId), options, request, cancellationToken);

    public virtual Task<Rate> GetAsync(string rateTableId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Rate>(Item(rateTableId, id), request, cancellationToken);

    public virtual Task<Rate> UpdateAsync(
        string rateTableId, string id, RateOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPutAsync<Rate>(Item(rateTableId, id), options, request, cancellationToken);

    public virtual Task DeleteAsync(string rateTableId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Item(rateTableId, id), request, cancellationToken);

    public virtual Task<Page<Rate>> ListAsync(
        string rateTableId, RateListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<Rate>(Collection(rateTableId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<Rate> ListAutoPagingAsync(
        string rateTableId, RateListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<Rate>(Collection(rateTableId), options, request, cancellationToken);

    /// <summary>
    /// The rate a call to <paramref name="number"/> (digits) is priced with at <paramref name="at"/> (default now): of the
    /// rates in effect then, the one with the longest prefix of the number. A 404 <see cref="SoftswitchApiException"/>
    /// when no rate matches (or the rate table does not exist).
    /// </summary>
    public virtual Task<Rate> LookUpAsync(
        string rateTableId, string number, DateTimeOffset? at = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Rate>(
            QueryString.Append($"{Collection(rateTableId)}/lookup", [new("number", number), new("at", QueryString.Time(at))]), request, cancellationToken);

    /// <summary>
    /// Imports a rate deck from CSV text: a header line naming the columns (<c>prefix</c> and <c>price_per_minute</c>
    /// required; <c>description</c>, <c>first_increment_seconds</c>, <c>next_increment_seconds</c>, <c>connect_fee</c>,
    /// <c>effective_from</c> (default: the start of today, UTC), <c>effective_to</c> optional). Every row is checked first
    /// (errors keyed <c>row N</c>) and the deck goes in whole or not at all; <paramref name="replace"/> swaps the table's
    /// rates for the deck's, otherwise they are added.
    /// </summary>
    public virtual Task<RateDeckImportResult> ImportAsync(
        string rateTableId, string csv, bool replace = false, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<RateDeckImportResult>(Import(rateTableId, replace), RequestBody.Text(csv, CsvMediaType), request, cancellationToken);

    /// <summary>
    /// Imports a rate deck (UTF-8 CSV, as for the text overload; up to 64 MiB) read from <paramref name="csv"/>'s current
    /// position; the stream stays open. A stream that cannot seek is sent once, without retries.
    /// </summary>
    public virtual Task<RateDeckImportResult> ImportAsync(
        string rateTableId, Stream csv, bool replace = false, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<RateDeckImportResult>(Import(rateTableId, replace), RequestBody.Stream(csv, CsvMediaType), request, cancellationToken);

    private static string Collection(string rateTableId) => $"v1/rate-tables/{QueryString.Segment(rateTableId)}/rates";

    private static string Item(string rateTableId, string id) => $"{Collection(rateTableId)}/{QueryString.Segment(id)}";

    private static string Import(string rateTableId, bool replace) =>
        QueryString.Append($"{Collection(rateTableId)}/import", [new("mode", replace ? "replace" : "append")]);
}
