using Softswitch.Switch.Calls;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Geofencing of the caller's media: every connection address (<c>c=</c>) of the INVITE's offer must pass the fence
/// deciding for the call's trunk or phone, the same fence as <see cref="GeofenceSourceStage"/>. A late offer (no body)
/// has nothing to check here; its answer arrives in the ACK, after the call is set up.
/// </summary>
internal sealed class GeofenceOfferStage(GeofencePolicySource geofences) : IAdmissionStage
{
    public string Name => GeofenceRefusal.SessionRule;

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("The geofence is checked after ingress.");
        var body = context.Request.Body;
        if (body.IsEmpty)
        {
            return new(AdmissionDecision.Continue);
        }

        var fence = geofences.Current.For(origin.Tenant.TenantId)?.ForCaller(origin.Gateway?.Id, origin.Phone?.Id);
        if (fence is null || SessionConnectionAddresses.FirstRefused(body.Span, fence) is null)
        {
            return new(AdmissionDecision.Continue);
        }

        var refused = context.Transaction.CreateResponse(fence.RefusalStatus);
        refused.Headers.Add(ReasonHeader.Name, GeofenceRefusal.Reason(Name, fence, "media address"));
        return new(AdmissionDecision.Reject(refused, Name));
    }
}
