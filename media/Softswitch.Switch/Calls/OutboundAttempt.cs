using Softswitch.Sip.Transactions;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Calls;

/// <summary>One INVITE the call sent to a vendor: its dialog, its transaction, and whether the call gave up on it.</summary>
internal sealed class OutboundAttempt(RoutingGatewayEntry gateway, DialogLeg leg, int cdrIndex)
{
    public RoutingGatewayEntry Gateway { get; } = gateway;

    public DialogLeg Leg { get; } = leg;

    /// <summary>Position of this attempt in the CDR's attempt list.</summary>
    public int CdrIndex { get; } = cdrIndex;

    public SipClientTransaction? Transaction { get; set; }

    /// <summary>Cancelled by the caller or timed out: a late 2xx is acknowledged and hung up at once.</summary>
    public bool Abandoned { get; set; }

    public ITimer? NoAnswerTimer { get; set; }
}
