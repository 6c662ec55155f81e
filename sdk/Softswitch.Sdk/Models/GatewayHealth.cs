namespace Softswitch.Sdk;

/// <summary>A routing gateway's OPTIONS health and since when (null when unknown).</summary>
public sealed class GatewayHealth
{
    public required GatewayHealthStatus Status { get; init; }

    public required DateTimeOffset? Since { get; init; }
}

public enum GatewayHealthStatus
{
    Unknown,
    Up,
    Down,
}
