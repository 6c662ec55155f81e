namespace Softswitch.Sdk;

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}
