using System.ComponentModel.DataAnnotations;

namespace Softswitch.Switch.Fraud;

/// <summary>The memory bounds of the dynamic blacklist (platform settings, <c>Softswitch:DynamicBlacklist</c>).</summary>
public sealed class DynamicBlacklistOptions
{
    public const string Section = "Softswitch:DynamicBlacklist";

    /// <summary>Counters one tenant may hold; past it, closed windows are dropped and then new subjects go uncounted.</summary>
    [Range(1, 10_000_000)]
    public int MaxCountersPerTenant { get; set; } = 200_000;

    /// <summary>Live entries one tenant may hold; past it, expired ones are dropped and then a block refuses the call without an entry.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntriesPerTenant { get; set; } = 1_000_000;
}
