namespace Softswitch.Domain;

/// <summary>Where a fired alarm stands.</summary>
public enum AlarmState
{
    Open,

    Acknowledged,

    Resolved,

    /// <summary>Fired inside its rule's suppression window, or under a rule that suppresses all notifications: stored, never sent.</summary>
    Suppressed,
}
