using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/packages</c>: the tenant's package catalogue (VOS3000 suites). A package does not change once made: make a
/// new one. Accounts subscribe through <see cref="SubscriptionService"/>.
/// </summary>
public class PackageService : Service
{
    private const string Path = "v1/packages";

    internal PackageService(ApiRequester requester) : base(requester) { }

    public virtual Task<Package> CreateAsync(PackageOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<Package>(Path, options, request, cancellationToken);

    public virtual Task<Package> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Package>(Item(id), request, cancellationToken);

    /// <summary>Deletes a package nobody subscribes to (a subscribed one is refused with 409).</summary>
    public virtual Task DeleteAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Item(id), request, cancellationToken);

    public virtual Task<Page<Package>> ListAsync(ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<Package>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<Package> ListAutoPagingAsync(
        ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<Package>(Path, options, request, cancellationToken);

    private static string Item(string id) => $"{Path}/{QueryString.Segment(id)}";
}
