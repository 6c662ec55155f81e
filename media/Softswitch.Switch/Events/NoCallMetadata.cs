namespace Softswitch.Switch.Events;

/// <summary>A switch whose tenants cannot choose metadata headers (no webhooks): nothing is copied.</summary>
public sealed class NoCallMetadata : ICallMetadataHeaders
{
    public static NoCallMetadata Instance { get; } = new();

    private NoCallMetadata()
    {
    }

    public IReadOnlyList<string> For(string tenantId) => [];
}
