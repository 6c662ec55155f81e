namespace Softswitch.Sdk;

/// <summary>Creates or replaces a webhook endpoint: the URL and the event types it receives, optionally INVITE headers carried as metadata.</summary>
public sealed class WebhookEndpointOptions
{
    public required string Url { get; init; }

    public required IReadOnlyList<string> EventTypes { get; init; }

    public bool? Enabled { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? MetadataHeaders { get; init; }
}
