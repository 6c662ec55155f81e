using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/security-events</c>: explained refusals, bans, alerts, suspensions and lifts, oldest first. A tenant key
/// reads its own; the platform admin key reads every one.
/// </summary>
public class SecurityEventService : Service
{
    private const string Path = "v1/security-events";

    internal SecurityEventService(ApiRequester requester) : base(requester) { }

    public virtual Task<Page<SecurityEvent>> ListAsync(
        SecurityEventListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<SecurityEvent>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<SecurityEvent> ListAutoPagingAsync(
        SecurityEventListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<SecurityEvent>(Path, options, request, cancellationToken);
}
