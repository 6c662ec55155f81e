using Softswitch.Switch.Config;

namespace Softswitch.Switch.Routing;

/// <summary>
/// Decides, from a gateway's failover and stop codes, whether a failure response moves the call to the next gateway.
/// A gateway with an empty list uses the defaults: failover on 408 and every 5xx, stop on 486, 600 and 603.
/// </summary>
public static class FailoverPolicy
{
    public static FailoverDecision Decide(RoutingGatewayEntry gateway, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        if (statusCode is < 300 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Only final failure responses (3xx-6xx) are routed.");
        }

        // RFC 3261 §16.7 step 5: a 6xx ends the search whatever the gateway's lists say.
        if (statusCode >= 600 || IsStop(gateway, statusCode))
        {
            return FailoverDecision.Stop;
        }

        return IsFailover(gateway, statusCode) ? FailoverDecision.Failover : FailoverDecision.ReturnToCaller;
    }

    private static bool IsStop(RoutingGatewayEntry gateway, int code) =>
        gateway.StopCodes.Count > 0 ? gateway.StopCodes.Contains(code) : code is 486 or 600 or 603;

    private static bool IsFailover(RoutingGatewayEntry gateway, int code) =>
        gateway.FailoverCodes.Count > 0 ? gateway.FailoverCodes.Contains(code) : code is 408 or (>= 500 and < 600);
}
