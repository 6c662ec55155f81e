namespace Softswitch.Media.Config;

/// <summary>Where the configuration the switch routes from came from.</summary>
public enum SwitchConfigOrigin
{
    /// <summary>Nothing loaded: the database did not answer at start and there was no usable snapshot file.</summary>
    None,

    /// <summary>Built from the database.</summary>
    Database,

    /// <summary>Read from the last good snapshot file because the database did not answer at start.</summary>
    SnapshotFile,
}

/// <summary>
/// What the readiness check reports about the switch's configuration: its origin, when it was built from the database
/// (for a snapshot file, when that file's configuration was), and since when the database has been failing.
/// </summary>
public sealed record SwitchConfigState(SwitchConfigOrigin Origin, DateTimeOffset? BuiltAt, DateTimeOffset? DatabaseFailingSince)
{
    public static SwitchConfigState NotLoaded { get; } = new(SwitchConfigOrigin.None, null, null);
}
