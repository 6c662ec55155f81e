using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/trusted-addresses</c>: the tenant's own PBXs and trunks, counted against higher thresholds and alerted on
/// instead of banned. Blocks are added and removed, not changed.
/// </summary>
public class TrustedAddressService : Service
{
    private const string Path = "v1/trusted-addresses";

    internal TrustedAddressService(ApiRequester requester) : base(requester) { }

    public virtual Task<TrustedAddress> CreateAsync(TrustedAddressOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<TrustedAddress>(Path, options, request, cancellationToken);

    public virtual Task<TrustedAddress> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<TrustedAddress>(Item(id), request, cancellationToken);

    public virtual Task DeleteAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Item(id), request, cancellationToken);

    public virtual Task<Page<TrustedAddress>> ListAsync(ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<TrustedAddress>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<TrustedAddress> ListAutoPagingAsync(
        ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<TrustedAddress>(Path, options, request, cancellationToken);

    private static string Item(string id) => $"{Path}/{QueryString.Segment(id)}";
}
