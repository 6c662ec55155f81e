using Softswitch.Switch.Config;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>One snapshot for the whole test.</summary>
internal sealed class FixedConfigSource(SwitchConfigSnapshot snapshot) : ISwitchConfigSource
{
    public SwitchConfigSnapshot Current { get; } = snapshot;
}
