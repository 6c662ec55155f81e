using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/webhook-endpoints</c>: where call-state events are sent, signed (Standard Webhooks; check them with
/// <see cref="Webhook.Verify"/>). The secret is shown by <see cref="CreateAsync"/> and <see cref="RotateSecretAsync"/> only.
/// </summary>
public class WebhookEndpointService : Service
{
    private const string Path = "v1/webhook-endpoints";

    internal WebhookEndpointService(ApiRequester requester) : base(requester) { }

    public virtual Task<WebhookEndpointWithSecret> CreateAsync(
        WebhookEndpointOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<WebhookEndpointWithSecret>(Path, options, request, cancellationToken);

    public virtual Task<WebhookEndpoint> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<WebhookEndpoint>(Item(id), request, cancellationToken);

    /// <summary>Replaces the endpoint (PUT); enabling it clears a disable by the platform.</summary>
    public virtual Task<WebhookEndpoint> UpdateAsync(
        string id, WebhookEndpointOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPutAsync<WebhookEndpoint>(Item(id), options, request, cancellationToken);

    /// <summary>Deletes the endpoint and its deliveries.</summary>
    public virtual Task DeleteAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Item(id), request, cancellationToken);

    public virtual Task<Page<WebhookEndpoint>> ListAsync(ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<WebhookEndpoint>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<WebhookEndpoint> ListAutoPagingAsync(
        ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<WebhookEndpoint>(Path, options, request, cancellationToken);

    /// <summary>
    /// Makes a new secret and answers it once; the previous one keeps signing alongside it until
    /// <see cref="WebhookEndpoint.PreviousSecretExpiresAt"/>, so receivers can switch without losing events.
    /// </summary>
    public virtual Task<WebhookEndpointWithSecret> RotateSecretAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendActionAsync<WebhookEndpointWithSecret>($"{Item(id)}/rotate-secret", request, cancellationToken);

    /// <summary>Sends a signed <c>test</c> event now and answers its delivery, with the endpoint's answer.</summary>
    public virtual Task<WebhookDelivery> TestAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendActionAsync<WebhookDelivery>($"{Item(id)}/test", request, cancellationToken);

    /// <summary>Sends again every failed delivery of the endpoint since a time (e.g. after the receiver's outage).</summary>
    public virtual Task<WebhookRecovery> RecoverAsync(
        string id, WebhookRecoverOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<WebhookRecovery>($"{Item(id)}/recover", options, request, cancellationToken);

    private static string Item(string id) => $"{Path}/{QueryString.Segment(id)}";
}
