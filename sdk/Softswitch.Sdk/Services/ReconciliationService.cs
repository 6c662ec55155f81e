using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/reconciliations</c>: a vendor's CDR file matched with our CDRs of one vendor trunk for a period; a deviation
/// of the totals past the threshold raises the tenant's reconciliation alarm.
/// </summary>
public class ReconciliationService : Service
{
    private const string Path = "v1/reconciliations";

    internal ReconciliationService(ApiRequester requester) : base(requester) { }

    /// <summary>
    /// Reconciles <paramref name="vendorCdrsCsv"/>, the vendor's file as CSV with a header line naming the columns of
    /// <paramref name="options"/>, and keeps the result.
    /// </summary>
    public virtual Task<Reconciliation> CreateAsync(
        ReconciliationCreateOptions options, string vendorCdrsCsv, RequestOptions? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SendCsvPostAsync<Reconciliation>(QueryString.Append(Path, options.Parameters()), vendorCdrsCsv, request, cancellationToken);
    }

    public virtual Task<Reconciliation> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Reconciliation>($"{Path}/{QueryString.Segment(id)}", request, cancellationToken);

    public virtual Task<Page<Reconciliation>> ListAsync(ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<Reconciliation>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<Reconciliation> ListAutoPagingAsync(
        ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<Reconciliation>(Path, options, request, cancellationToken);
}
