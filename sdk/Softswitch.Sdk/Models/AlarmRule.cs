namespace Softswitch.Sdk;

/// <summary>What raises an alarm: a kind, its threshold over a window, and how long later firings of the same subject are suppressed.</summary>
public sealed class AlarmRule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required AlarmKind Kind { get; init; }

    public required bool Enabled { get; init; }

    public required string? AccountId { get; init; }

    public required string? RoutingGatewayId { get; init; }

    public required decimal? Threshold { get; init; }

    public required int WindowMinutes { get; init; }

    public required int MinimumCalls { get; init; }

    public required int SuppressionMinutes { get; init; }

    public required bool SuppressAll { get; init; }

    public required string? SecurityEventRule { get; init; }

    public required WorkCalendar? WorkCalendar { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}
