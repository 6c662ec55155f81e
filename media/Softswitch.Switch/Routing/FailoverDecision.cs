namespace Softswitch.Switch.Routing;

/// <summary>What a final failure response from a routing gateway means for the call.</summary>
public enum FailoverDecision
{
    /// <summary>Try the next gateway.</summary>
    Failover,

    /// <summary>A stop code (busy, decline) or any 6xx: end the call with this response, trying nothing else.</summary>
    Stop,

    /// <summary>Neither a failover nor a stop code: relay this response to the caller as the final answer.</summary>
    ReturnToCaller,
}
