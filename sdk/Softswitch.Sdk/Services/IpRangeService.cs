using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/ip-range-sets/{id}/ranges</c>: the ranges of one IP range set, one by one, from a CSV file, or from a
/// MaxMind-format country database. Imports go in whole or not at all.
/// </summary>
public class IpRangeService : Service
{
    private const string CsvMediaType = "text/csv";
    private const string MaxMindMediaType = "application/octet-stream";

    internal IpRangeService(ApiRequester requester) : base(requester) { }

    public virtual Task<IpRange> CreateAsync(string setId, IpRangeOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<IpRange>(Collection(setId), options, request, cancellationToken);

    public virtual Task<IpRange> GetAsync(string setId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<IpRange>(Item(setId, id), request, cancellationToken);

    public virtual Task DeleteAsync(string setId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Item(setId, id), request, cancellationToken);

    public virtual Task<Page<IpRange>> ListAsync(
        string setId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<IpRange>(Collection(setId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<IpRange> ListAutoPagingAsync(
        string setId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<IpRange>(Collection(setId), options, request, cancellationToken);

    /// <summary>
    /// Imports ranges from CSV text: a header line naming <c>cidr</c>, or <c>start,count</c>. Every row is checked first
    /// (errors keyed <c>row N</c>). <paramref name="replace"/> swaps the set's ranges for the file's; otherwise they are added.
    /// </summary>
    public virtual Task<IpRangeImportResult> ImportAsync(
        string setId, string csv, bool replace = false, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<IpRangeImportResult>(
            QueryString.Append($"{Collection(setId)}/import", [Mode(replace)]), RequestBody.Text(csv, CsvMediaType), request, cancellationToken);

    /// <summary>
    /// Imports the networks of <paramref name="countries"/> (ISO 3166-1 alpha-2 codes, e.g. <c>DE</c>) from a
    /// MaxMind-format database (<c>.mmdb</c>, GeoLite2-/GeoIP2-Country shape) read from <paramref name="database"/>'s
    /// current position; the stream stays open. A stream that cannot seek is sent once, without retries.
    /// </summary>
    public virtual Task<IpRangeImportResult> ImportMaxMindAsync(
        string setId, Stream database, IEnumerable<string> countries, bool replace = false,
        RequestOptions? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var path = QueryString.Append($"{Collection(setId)}/import-maxmind", [new("countries", string.Join(',', countries)), Mode(replace)]);
        return SendPostAsync<IpRangeImportResult>(path, RequestBody.Stream(database, MaxMindMediaType), request, cancellationToken);
    }

    private static KeyValuePair<string, string?> Mode(bool replace) => new("mode", replace ? "replace" : "append");

    private static string Collection(string setId) => $"v1/ip-range-sets/{QueryString.Segment(setId)}/ranges";

    private static string Item(string setId, string id) => $"{Collection(setId)}/{QueryString.Segment(id)}";
}
