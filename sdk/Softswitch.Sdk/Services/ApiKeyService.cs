using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/tenants/{tenantId}/api-keys</c>: a tenant's keys. The secret is shown once, by <see cref="CreateAsync"/>.</summary>
public class ApiKeyService : Service
{
    internal ApiKeyService(ApiRequester requester) : base(requester) { }

    public virtual Task<CreatedApiKey> CreateAsync(
        string tenantId, ApiKeyCreateOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<CreatedApiKey>(Collection(tenantId), options, request, cancellationToken);

    public virtual Task<ApiKey> GetAsync(string tenantId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<ApiKey>(Item(tenantId, id), request, cancellationToken);

    /// <summary>Revokes the key at once.</summary>
    public virtual Task RevokeAsync(string tenantId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Item(tenantId, id), request, cancellationToken);

    public virtual Task<Page<ApiKey>> ListAsync(
        string tenantId, ApiKeyListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<ApiKey>(Collection(tenantId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<ApiKey> ListAutoPagingAsync(
        string tenantId, ApiKeyListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<ApiKey>(Collection(tenantId), options, request, cancellationToken);

    private static string Collection(string tenantId) => $"v1/tenants/{QueryString.Segment(tenantId)}/api-keys";

    private static string Item(string tenantId, string id) => $"{Collection(tenantId)}/{QueryString.Segment(id)}";
}
