namespace Softswitch.Switch.Config;

/// <summary>The outcome of looking up the trunk a call arrived on.</summary>
public enum IngressLookup
{
    /// <summary>No mapping gateway claims the source address with a tech prefix that starts the callee.</summary>
    Unknown,

    /// <summary>Exactly one tenant's gateway matches best.</summary>
    Matched,

    /// <summary>Gateways of two tenants match equally well; the call is refused rather than given to either.</summary>
    Ambiguous,
}
