namespace Softswitch.Switch.Cdrs;

/// <summary>One INVITE to a routing gateway within a call, and its final status (200 when it answered).</summary>
public sealed record CdrAttemptRecord(string RoutingGatewayId, string CalleeSent, DateTimeOffset StartedAt, int ResponseCode);
