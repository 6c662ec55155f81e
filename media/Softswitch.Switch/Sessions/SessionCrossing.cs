namespace Softswitch.Switch.Sessions;

/// <summary>Which way a session description crosses the B2BUA.</summary>
public enum SessionCrossing
{
    /// <summary>From the caller's dialog into the vendor's: an offer in the INVITE, an answer in the ACK, a re-INVITE's offer.</summary>
    CallerToVendor,

    /// <summary>From the vendor's dialog into the caller's: the answer in an 18x or 2xx, a vendor's re-INVITE offer.</summary>
    VendorToCaller,
}
