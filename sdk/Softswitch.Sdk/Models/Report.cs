namespace Softswitch.Sdk;

/// <summary>A CDR analysis report read from the hourly rollups: its period, how far the rollups have counted, and its rows.</summary>
public sealed class Report<TRow>
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>CDRs stored before this time are counted (null: none yet); newer ones appear within about two minutes.</summary>
    public required DateTimeOffset? CountedThrough { get; init; }

    public required IReadOnlyList<TRow> Data { get; init; }
}
