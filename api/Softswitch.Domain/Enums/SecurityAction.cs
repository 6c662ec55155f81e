namespace Softswitch.Domain;

/// <summary>What the anti-fraud layer did about a source or a phone.</summary>
public enum SecurityAction
{
    /// <summary>The source gets no answer until the ban ends or is lifted.</summary>
    Ban,

    /// <summary>A trusted source crossed a threshold: it is reported, never banned.</summary>
    Alert,

    /// <summary>A phone was suspended until an API call reactivates it.</summary>
    Suspend,

    /// <summary>An operator lifted a ban through the API.</summary>
    Lift,

    /// <summary>An admission rule refused a call of a tenant (the call has a CDR naming the rule).</summary>
    Refuse,

    /// <summary>A monitor-only rule would have acted (refused a call, banned a source, suspended a phone) and did not.</summary>
    Monitor,

    /// <summary>A count crossed a rule's warning level, below the level that acts; nothing was done.</summary>
    Warn,
}
