namespace Softswitch.Domain;

public enum BlacklistEntryKind
{
    /// <summary>Calls of the subject are refused until the entry expires or is released.</summary>
    Block,

    /// <summary>A grace period after an early release: the rules do not blacklist the subject again until it ends.</summary>
    Allow,
}
