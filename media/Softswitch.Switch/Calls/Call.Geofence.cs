using Microsoft.Extensions.Logging;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Geofencing of the vendor's side (VOS3000 §2.5.7): the fence deciding for the routing gateway (else the tenant's)
/// checks the source of the vendor's 18x and 2xx and the connection addresses of the answer they carry. A refused
/// vendor is treated as unreachable (503 to the failover policy): a ringing one is CANCELled, an answering one
/// acknowledged and hung up with BYE, and the call moves on to the next gateway, so a vendor that would send media
/// to or from a forbidden network never carries the call, and the caller hears nothing of it.
/// </summary>
internal sealed partial class Call
{
    private const int FencedVendorStatus = 503;

    /// <summary>The rule that refuses <paramref name="response"/> of <paramref name="vendor"/>, or null.</summary>
    private string? FenceRefuses(VendorLeg vendor, SipResponse response)
    {
        if (vendor.Gateway is not { } gateway)
        {
            return null;
        }

        var fence = _services.Geofences.Current.For(_origin.Tenant.TenantId)?.ForVendor(gateway.Id);
        if (fence is null)
        {
            return null;
        }

        if (response.Source is { } source && fence.Refuses(source.EndPoint.Address))
        {
            return GeofenceRefusal.SourceRule;
        }

        return !response.Body.IsEmpty && SessionConnectionAddresses.FirstRefused(response.Body.Span, fence) is not null
            ? GeofenceRefusal.SessionRule
            : null;
    }

    private void FailFencedVendor(VendorLeg vendor, string rule)
    {
        _services.Logger.LogInformation(
            "Vendor {Gateway} of call {CallId} refused by {Rule}; trying the next gateway", vendor.Gateway?.Id, _caller.Dialog.CallId, rule);
        OnAttemptFailed(vendor.Gateway, vendor.CdrIndex, FencedVendorStatus, null);
    }
}
