using Softswitch.Domain;

namespace Softswitch.Media.Webhooks;

/// <summary>One event to deliver to the endpoints that subscribed to it when it was taken.</summary>
public sealed record WebhookWork(CallEventPayload Event, IReadOnlyList<WebhookEndpoint> Endpoints);

/// <summary>What one fast-path delivery came to, for the delivery log.</summary>
public sealed record WebhookOutcome(CallEventPayload Event, WebhookEndpoint Endpoint, WebhookAttempt Attempt, int Attempts);
