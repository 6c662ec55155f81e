using Softswitch.Domain;

namespace Softswitch.Switch.Health;

/// <summary>A peer's health changed: down after <see cref="ConsecutiveTimeouts"/> pings timed out, up at an answer, unknown when no longer pinged.</summary>
public readonly record struct PeerHealthTransition(
    PeerKey Key, GatewayHealthStatus From, GatewayHealthStatus To, DateTimeOffset At, int ConsecutiveTimeouts);
