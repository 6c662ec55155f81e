using Softswitch.Sdk.Http;

namespace Softswitch.Sdk;

/// <summary>Webhook deliveries by endpoint, event, event type and state.</summary>
public sealed class WebhookDeliveryListOptions : ListOptions
{
    public string? EndpointId { get; init; }

    public string? EventId { get; init; }

    /// <summary>E.g. <c>call.completed</c>.</summary>
    public string? EventType { get; init; }

    public WebhookDeliveryStatus? Status { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("endpoint_id", EndpointId), new("event_id", EventId), new("event_type", EventType), new("status", QueryString.Name(Status))];
}
