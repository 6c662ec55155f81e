namespace Softswitch.Sdk;

/// <summary>One INVITE to a routing gateway and the final response it got.</summary>
public sealed class CdrAttempt
{
    public required string RoutingGatewayId { get; init; }

    public required string CalleeSent { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required int ResponseCode { get; init; }
}
