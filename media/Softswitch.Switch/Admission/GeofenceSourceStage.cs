using Softswitch.Switch.Calls;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Geofencing of the caller's signalling source (VOS3000 §2.5.7): the fence deciding for the call's trunk or phone
/// (see <see cref="TenantGeofences"/> for the precedence) refuses a source inside a Forbidden set or outside an Allow
/// set, with the fence's status (403 by default). Needs the origin, so it runs after ingress.
/// </summary>
internal sealed class GeofenceSourceStage(GeofencePolicySource geofences) : IAdmissionStage
{
    public string Name => GeofenceRefusal.SourceRule;

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("The geofence is checked after ingress.");
        var fence = geofences.Current.For(origin.Tenant.TenantId)?.ForCaller(origin.Gateway?.Id, origin.Phone?.Id);
        if (fence is null || !fence.Refuses(context.Transaction.Remote.EndPoint.Address))
        {
            return new(AdmissionDecision.Continue);
        }

        var refused = context.Transaction.CreateResponse(fence.RefusalStatus);
        refused.Headers.Add(ReasonHeader.Name, GeofenceRefusal.Reason(Name, fence, "source address"));
        return new(AdmissionDecision.Reject(refused, Name));
    }
}
