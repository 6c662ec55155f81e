using Softswitch.Sdk.Http;

namespace Softswitch.Sdk;

/// <summary>
/// What a vendor's CDR file is matched against: the vendor trunk and period (<see cref="From"/> inclusive,
/// <see cref="To"/> exclusive, by answer time), the file's column names (defaults <c>callee</c>, <c>start</c>,
/// <c>duration</c>, <c>charge</c>), the tolerances (defaults 10 s start, 1 s duration, 0.01 charge) and the deviation of
/// the totals, in percent, that raises an alarm (default 1).
/// </summary>
public sealed class ReconciliationCreateOptions
{
    public required string RoutingGatewayId { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public string? CalleeColumn { get; init; }

    public string? StartColumn { get; init; }

    public string? DurationColumn { get; init; }

    public string? ChargeColumn { get; init; }

    public int? StartToleranceSeconds { get; init; }

    public int? DurationToleranceSeconds { get; init; }

    public decimal? ChargeTolerance { get; init; }

    public decimal? AlarmThresholdPercent { get; init; }

    internal IEnumerable<KeyValuePair<string, string?>> Parameters() =>
    [
        new("routing_gateway_id", RoutingGatewayId), new("from", QueryString.Time(From)), new("to", QueryString.Time(To)),
        new("callee_column", CalleeColumn), new("start_column", StartColumn), new("duration_column", DurationColumn),
        new("charge_column", ChargeColumn), new("start_tolerance_seconds", QueryString.Number(StartToleranceSeconds)),
        new("duration_tolerance_seconds", QueryString.Number(DurationToleranceSeconds)),
        new("charge_tolerance", QueryString.Number(ChargeTolerance)), new("alarm_threshold_percent", QueryString.Number(AlarmThresholdPercent)),
    ];
}
