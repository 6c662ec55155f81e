namespace Softswitch.Sdk;

/// <summary>How many deliveries were set due again.</summary>
public sealed class WebhookRecovery
{
    public required int Redelivering { get; init; }
}
