using Microsoft.Extensions.Logging;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Events;
using Softswitch.Switch.Geofencing;
using Softswitch.Switch.Health;
using Softswitch.Switch.Numbers;
using Softswitch.Switch.Redirect;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Sessions;

namespace Softswitch.Switch.Calls;

/// <summary>What every call of the B2BUA shares.</summary>
internal sealed record B2buaServices(
    SipTransactionLayer Layer,
    B2buaOptions Options,
    TimeProvider Time,
    CallCapacity Capacity,
    CallEventStream Events,
    CallRegistry Registry,
    AnsweredInviteRetransmitter Retransmitter,
    GatewayAddressResolver Resolver,
    B2buaCounters Counters,
    AdmissionPipeline Admission,
    ICallRouter Router,
    ISessionDescriptionBridge Sessions,
    GeofencePolicySource Geofences,
    ILogger Logger)
{
    public Random Random { get; } = Random.Shared;

    /// <summary>The routing gateways' call-rate buckets, shared by every call.</summary>
    public CallRateBuckets VendorRates { get; } = new(Time);

    public SwitchAddress Address { get; } = new(Layer.Transport);

    /// <summary>Calls to each phone (ringing or answered), against its line count; apart from the calls it makes.</summary>
    public CallCapacity PhoneLines { get; } = new();

    /// <summary>Rating and anti-overdraft; null on a switch that does not rate calls.</summary>
    public SwitchBilling? Billing { get; init; }

    public required ICallMetadataHeaders MetadataHeaders { get; init; }
    /// <summary>The 3xx redirect client; null on a switch without redirect profiles.</summary>
    public RedirectClient? Redirects { get; init; }

    /// <summary>The vendors' OPTIONS health; null on a switch that does not ping them.</summary>
    public PeerHealthBoard? GatewayHealth { get; init; }

    /// <summary>Vendors' number rules, for routes a routing server chose.</summary>
    public INumberPlanSource Numbers { get; init; } = NumberPlanSource.Unconfigured;
}
