namespace Softswitch.Sdk;

/// <summary>What a rule would have refused over a range of stored CDRs, replayed as blocking even when it is monitor-only.</summary>
public sealed class BacktestResult
{
    public required string RuleId { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required int CallsReplayed { get; init; }

    public required int CallsRefused { get; init; }

    public required IReadOnlyList<string> RefusedCallIds { get; init; }

    public required IReadOnlyList<BacktestFinding> Findings { get; init; }

    public required bool Truncated { get; init; }
}
