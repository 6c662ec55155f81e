namespace Softswitch.Sdk;

/// <summary>One event's delivery to one endpoint: its state, the attempts made, the last answer and its latency.</summary>
public sealed class WebhookDelivery
{
    public required string Id { get; init; }

    public required string EndpointId { get; init; }

    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required WebhookDeliveryStatus Status { get; init; }

    public required int Attempts { get; init; }

    public required DateTimeOffset? LastAttemptAt { get; init; }

    public required int? ResponseCode { get; init; }

    public required int? LatencyMilliseconds { get; init; }

    public required string? Error { get; init; }

    public required DateTimeOffset? NextAttemptAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
