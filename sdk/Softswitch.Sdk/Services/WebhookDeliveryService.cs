using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/webhook-deliveries</c>: each event's delivery to each endpoint, its attempts and answers.</summary>
public class WebhookDeliveryService : Service
{
    private const string Path = "v1/webhook-deliveries";

    internal WebhookDeliveryService(ApiRequester requester) : base(requester) { }

    public virtual Task<Page<WebhookDelivery>> ListAsync(
        WebhookDeliveryListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<WebhookDelivery>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<WebhookDelivery> ListAutoPagingAsync(
        WebhookDeliveryListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<WebhookDelivery>(Path, options, request, cancellationToken);

    /// <summary>Sets the delivery due again (pending, with a fresh round of retries); the retry job sends it.</summary>
    public virtual Task<WebhookDelivery> RedeliverAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendActionAsync<WebhookDelivery>($"{Path}/{QueryString.Segment(id)}/redeliver", request, cancellationToken);
}
