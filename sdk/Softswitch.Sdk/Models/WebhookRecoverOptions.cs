namespace Softswitch.Sdk;

/// <summary>Sends again every failed delivery of the endpoint whose event happened at or after <see cref="Since"/>.</summary>
public sealed class WebhookRecoverOptions
{
    public required DateTimeOffset Since { get; init; }
}
