using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>Tests that change state of the whole test process (its descriptor limit) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "Process-wide state";
}
