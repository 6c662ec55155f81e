namespace Softswitch.Domain;

/// <summary>What happened to a dynamic-blacklist counter or entry.</summary>
public enum BlacklistEventKind
{
    /// <summary>A counter crossed the rule's warning level; nothing was blocked.</summary>
    Warning,

    /// <summary>A monitor-only rule crossed its blocking level; nothing was blocked.</summary>
    WouldBlock,

    /// <summary>A rule crossed its blocking level and the subject was blacklisted.</summary>
    Blocked,

    /// <summary>An operator added the subject by hand.</summary>
    Added,

    /// <summary>An operator released the entry before its expiry.</summary>
    Released,

    /// <summary>The entry expired and its row was purged.</summary>
    Expired,

    /// <summary>An operator cleared the subject's counters.</summary>
    CountersReset,
}
