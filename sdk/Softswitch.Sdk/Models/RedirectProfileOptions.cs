namespace Softswitch.Sdk;

/// <summary>Creates or replaces a redirect profile. <see cref="OnFailure"/>: own_routes (fail open) or refuse (fail closed: 503).</summary>
public sealed class RedirectProfileOptions
{
    public string? MappingGatewayId { get; init; }

    public bool? Enabled { get; init; }

    public required IReadOnlyList<RedirectServerOptions> Servers { get; init; }

    public int? DeadlineMilliseconds { get; init; }

    public RedirectFailureMode? OnFailure { get; init; }

    public IReadOnlyList<string>? AcceptHosts { get; init; }

    public IReadOnlyList<string>? DenyHosts { get; init; }

    public IReadOnlyList<string>? AcceptPrefixes { get; init; }

    public IReadOnlyList<string>? DenyPrefixes { get; init; }

    public IReadOnlyList<string>? CarryHeaders { get; init; }

    public string? Description { get; init; }
}
