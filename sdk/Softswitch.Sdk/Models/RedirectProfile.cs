namespace Softswitch.Sdk;

/// <summary>The 3xx redirect client's settings for the tenant (<see cref="MappingGatewayId"/> null) or one trunk: the routing servers asked, in order, before routing.</summary>
public sealed class RedirectProfile
{
    public required string Id { get; init; }

    public required string? MappingGatewayId { get; init; }

    public required bool Enabled { get; init; }

    public required IReadOnlyList<RedirectServer> Servers { get; init; }

    public required int DeadlineMilliseconds { get; init; }

    public required RedirectFailureMode OnFailure { get; init; }

    public required IReadOnlyList<string> AcceptHosts { get; init; }

    public required IReadOnlyList<string> DenyHosts { get; init; }

    public required IReadOnlyList<string> AcceptPrefixes { get; init; }

    public required IReadOnlyList<string> DenyPrefixes { get; init; }

    public required IReadOnlyList<string> CarryHeaders { get; init; }

    public required string? Description { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}
