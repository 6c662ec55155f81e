namespace Softswitch.Sdk;

/// <summary>The CDR range a rule is replayed over: <see cref="From"/> inclusive, <see cref="To"/> exclusive, at most 31 days.</summary>
public sealed class BacktestOptions
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }
}
