using Microsoft.Extensions.Logging;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Geofencing;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The order the switch asks its questions of a new INVITE: cheap protocol preconditions first (they need no
/// configuration), in the order of RFC 3261 §8.2 (Request-URI, then Require, then the body), then whether the call
/// could be recorded, then who is calling, then whether there is room. Anti-fraud and credit stages go between
/// ingress and capacity, so a refused call never holds a slot: geofences first (they look only at addresses), then the
/// number lists and rules, then the dynamic blacklist, which counts the call, so a call from a fenced-off address is never counted against its
/// numbers; the blacklist goes before the call rate, so a blacklisted caller spends no rate token. Anti-overdraft comes last
/// before capacity: a call refused for anything else never reserves its account's money.
/// </summary>
internal static class AdmissionStages
{
    public static IReadOnlyList<IAdmissionStage> Default(
        B2buaOptions options,
        B2buaCounters counters,
        ICdrSink cdrs,
        CallIngress ingress,
        CallCapacity capacity,
        TimeProvider time,
        ILogger logger,
        GeofencePolicySource geofences,
        INumberPlanSource numbers,
        DynamicBlacklist? dynamicBlacklist = null,
        SwitchBilling? billing = null) =>
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
        new GeofenceSourceStage(geofences),
        new GeofenceOfferStage(geofences),
        new NumberListStage(numbers),
        new GatewayNumberStage(numbers),
        new AccountDestinationStage(numbers),
        .. dynamicBlacklist is null ? (IAdmissionStage[])[] : [new DynamicBlacklistStage(dynamicBlacklist, time)],
        new CallRateStage(new CallRateBuckets(time)),
        .. billing is null ? (IAdmissionStage[])[] : [new AntiOverdraftStage(billing, time)],
        new SwitchCapacityStage(options, counters),
        new IngressCapacityStage(capacity, options, counters),
        new AccountCapacityStage(capacity),
    ];
}
