namespace Softswitch.Domain;

/// <summary>How a call to a phone rings the phone's registered contacts (RFC 3261 §16.6 step 1: a proxy's choice).</summary>
public enum ForkMode
{
    /// <summary>One contact at a time, best q first; the next rings when one fails or its Timer C fires.</summary>
    Sequential,

    /// <summary>Every contact at once (up to five); the first to answer takes the call and the others are cancelled.</summary>
    Parallel,
}
