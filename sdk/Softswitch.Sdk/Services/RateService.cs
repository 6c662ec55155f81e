using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/rate-tables/{id}/rates</c>: the rates of one rate table.</summary>
public class RateService : Service
{
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
        string rateTableId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<Rate>(Collection(rateTableId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<Rate> ListAutoPagingAsync(
        string rateTableId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<Rate>(Collection(rateTableId), options, request, cancellationToken);

    private static string Collection(string rateTableId) => $"v1/rate-tables/{QueryString.Segment(rateTableId)}/rates";

    private static string Item(string rateTableId, string id) => $"{Collection(rateTableId)}/{QueryString.Segment(id)}";
}
