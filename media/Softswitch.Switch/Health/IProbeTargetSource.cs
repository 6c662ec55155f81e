namespace Softswitch.Switch.Health;

/// <summary>
/// The peers to ping, read from a configuration that changes by replacement: <see cref="Version"/> is the current
/// configuration object, so the scheduler rebuilds its list only when it is another one.
/// </summary>
public interface IProbeTargetSource
{
    object Version { get; }

    IEnumerable<ProbeTarget> Targets(object version);
}
