namespace Softswitch.Domain;

/// <summary>Handling of 3xx responses from a routing gateway (RFC 3261 §8.1.3.4).</summary>
public enum RedirectPolicy
{
    /// <summary>Pass the 3xx back to the caller unchanged.</summary>
    ReturnUpstream,

    /// <summary>Follow the Contact(s) of the 3xx ourselves.</summary>
    Recurse,
}
