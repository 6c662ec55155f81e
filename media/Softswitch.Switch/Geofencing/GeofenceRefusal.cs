using Softswitch.Domain;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Geofencing;

/// <summary>The rule ids and Reason texts of geofence refusals (the lead's CDRs and security events key on the ids).</summary>
public static class GeofenceRefusal
{
    /// <summary>The signalling source of a caller (admission) or of a vendor's response.</summary>
    public const string SourceRule = "geofence-source";

    /// <summary>A connection address in the caller's offer (admission) or in a vendor's answer.</summary>
    public const string SessionRule = "geofence-sdp";

    /// <summary>An RFC 3326 Reason value naming the rule and what it found, never the set's contents.</summary>
    public static string Reason(string ruleId, GeofenceRule fence, string what)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var verdict = fence.Mode == GeofenceMode.Forbidden ? "inside a forbidden" : "outside the allowed";
        return ReasonHeader.Q850(Q850Cause.FromSipStatus(fence.RefusalStatus), $"{ruleId}: {what} {verdict} address range set");
    }
}
