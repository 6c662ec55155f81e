using Microsoft.Extensions.Logging;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The order the switch asks its questions of a new INVITE: cheap protocol preconditions first (they need no
/// configuration), in the order of RFC 3261 §8.2 (Request-URI, then Require, then the body), then whether the call
/// could be recorded, then who is calling, then whether there is room. Anti-fraud and credit stages go between
/// ingress and capacity, so a refused call never holds a slot.
/// </summary>
internal static class AdmissionStages
{
    public static IReadOnlyList<IAdmissionStage> Default(
        B2buaOptions options, B2buaCounters counters, ICdrSink cdrs, CallIngress ingress, CallCapacity capacity, INumberPlanSource numbers,
        TimeProvider time, ILogger logger) =>
    [
        new MaxForwardsStage(),
        new RequestUriSchemeStage(),
        new RequiredExtensionsStage(),
        new SessionIntervalStage(options.MinSessionExpires),
        new OfferBodyStage(),
        new AcceptableAnswerStage(),
        new DialogHeadersStage(counters),
        new CdrDurabilityStage(cdrs, options, counters),
        new IngressStage(ingress, counters, logger),
        new AccountAccessIpStage(),
        new NumberListStage(numbers),
        new GatewayNumberStage(numbers),
        new AccountDestinationStage(numbers),
        new CallRateStage(new CallRateBuckets(time)),
        new SwitchCapacityStage(options, counters),
        new IngressCapacityStage(capacity, options, counters),
        new AccountCapacityStage(capacity),
    ];
}
