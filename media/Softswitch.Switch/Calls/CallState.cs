namespace Softswitch.Switch.Calls;

internal enum CallState
{
    /// <summary>Trying gateways; the caller has at most a provisional response.</summary>
    Routing,

    /// <summary>A vendor answered and the caller got the 2xx.</summary>
    Answered,

    /// <summary>Over; its CDR is written or being written.</summary>
    Ended,
}
