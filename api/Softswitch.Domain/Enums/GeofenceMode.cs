namespace Softswitch.Domain;

/// <summary>What a geofence does with an address (VOS3000 §2.5.7).</summary>
public enum GeofenceMode
{
    /// <summary>The fence is off at this level: the next wider level decides (a paused fence).</summary>
    Ignore,

    /// <summary>An address inside the set is refused.</summary>
    Forbidden,

    /// <summary>An address outside the set is refused.</summary>
    Allow,
}
