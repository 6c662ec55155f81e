namespace Softswitch.Switch.Config;

/// <summary>
/// Holds the current snapshot. Publishing swaps one reference, so a call reads either the old or the new
/// configuration in full, never a mix, and readers never wait for the writer.
/// </summary>
public sealed class SwitchConfigSource : ISwitchConfigSource
{
    private volatile SwitchConfigSnapshot _current = SwitchConfigSnapshot.Empty;

    public SwitchConfigSnapshot Current => _current;

    public void Publish(SwitchConfigSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _current = snapshot;
    }
}
