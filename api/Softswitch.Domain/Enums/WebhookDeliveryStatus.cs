namespace Softswitch.Domain;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt (<see cref="WebhookDelivery.NextAttemptAt"/>).</summary>
    Pending,

    Succeeded,

    /// <summary>Given up: the retry schedule ran out, the endpoint answered 410, or it was disabled or deleted.</summary>
    Failed,
}
