using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/cdrs</c>: call detail records, written by the switch and read here.</summary>
public class CdrService : Service
{
    private const string Path = "v1/cdrs";

    internal CdrService(ApiRequester requester) : base(requester) { }

    public virtual Task<Cdr> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Cdr>($"{Path}/{QueryString.Segment(id)}", request, cancellationToken);

    public virtual Task<Page<Cdr>> ListAsync(CdrListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<Cdr>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<Cdr> ListAutoPagingAsync(
        CdrListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<Cdr>(Path, options, request, cancellationToken);

    /// <summary>
    /// The CDRs that match <paramref name="options"/>' filters as CSV with a header line, oldest first (at most 1,000,000
    /// rows: narrow the time range past that). Its limit and cursor do not apply. The rows are read from the connection
    /// as the stream is read; dispose it to release the connection.
    /// </summary>
    public virtual Task<Stream> ExportCsvAsync(CdrListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetCsvStreamAsync(QueryString.Append($"{Path}/export.csv", options?.Filters() ?? []), request, cancellationToken);
}
