namespace Softswitch.Switch.Config;

/// <summary>Where the call path reads configuration: the latest published snapshot, without locks or I/O.</summary>
public interface ISwitchConfigSource
{
    SwitchConfigSnapshot Current { get; }
}
