using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>Create, read, replace, delete and list at one collection path.</summary>
public abstract class CrudService<TResource, TCreate, TUpdate, TList> : Service
    where TCreate : class
    where TUpdate : class
    where TList : ListOptions
{
    private readonly string path;

    private protected CrudService(ApiRequester requester, string path)
        : base(requester) => this.path = path;

    public virtual Task<TResource> CreateAsync(TCreate options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<TResource>(path, options, request, cancellationToken);

    public virtual Task<TResource> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<TResource>(ItemPath(id), request, cancellationToken);

    /// <summary>Replaces the resource (PUT): members left null take their defaults.</summary>
    public virtual Task<TResource> UpdateAsync(string id, TUpdate options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPutAsync<TResource>(ItemPath(id), options, request, cancellationToken);

    public virtual Task DeleteAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(ItemPath(id), request, cancellationToken);

    public virtual Task<Page<TResource>> ListAsync(TList? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<TResource>(path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<TResource> ListAutoPagingAsync(
        TList? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<TResource>(path, options, request, cancellationToken);

    private string ItemPath(string id) => $"{path}/{QueryString.Segment(id)}";
}
