namespace Softswitch.Domain;

/// <summary>One INVITE sent to a routing gateway during a call, with the final response it got.</summary>
public sealed class CdrAttempt
{
    public string RoutingGatewayId { get; set; } = "";

    /// <summary>The called number as sent to this gateway, after its strip/add prefix.</summary>
    public string CalleeSent { get; set; } = "";

    public DateTime StartedAt { get; set; }

    /// <summary>The final SIP status of this attempt; 408 when the switch gave up waiting.</summary>
    public int ResponseCode { get; set; }
}
