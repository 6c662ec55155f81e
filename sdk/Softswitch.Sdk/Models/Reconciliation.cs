namespace Softswitch.Sdk;

/// <summary>A vendor's CDR file compared with our CDRs of one vendor trunk; <see cref="Mismatches"/> holds at most 1,000 rows, the counts all.</summary>
public sealed class Reconciliation
{
    public required string Id { get; init; }

    public required string RoutingGatewayId { get; init; }

    public required DateTimeOffset PeriodFrom { get; init; }

    public required DateTimeOffset PeriodTo { get; init; }

    public required int StartToleranceSeconds { get; init; }

    public required int DurationToleranceSeconds { get; init; }

    public required decimal ChargeTolerance { get; init; }

    public required decimal AlarmThresholdPercent { get; init; }

    public required int OurCalls { get; init; }

    public required int TheirCalls { get; init; }

    public required int Matched { get; init; }

    public required int MissingOurs { get; init; }

    public required int MissingTheirs { get; init; }

    public required int DurationMismatches { get; init; }

    public required int ChargeMismatches { get; init; }

    public required decimal OurCost { get; init; }

    public required decimal TheirCharge { get; init; }

    public required long OurSeconds { get; init; }

    public required long TheirSeconds { get; init; }

    public required decimal DeviationPercent { get; init; }

    public required bool AlarmRaised { get; init; }

    public required IReadOnlyList<ReconciliationMismatch> Mismatches { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
