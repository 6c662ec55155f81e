using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A comparison of a vendor's CDR file with our CDRs of one vendor trunk; <c>mismatches</c> holds at most 1,000 rows, the counts all.</summary>
public sealed record ReconciliationResponse(
    string Id,
    string RoutingGatewayId,
    DateTime PeriodFrom,
    DateTime PeriodTo,
    int StartToleranceSeconds,
    int DurationToleranceSeconds,
    decimal ChargeTolerance,
    decimal AlarmThresholdPercent,
    int OurCalls,
    int TheirCalls,
    int Matched,
    int MissingOurs,
    int MissingTheirs,
    int DurationMismatches,
    int ChargeMismatches,
    decimal OurCost,
    decimal TheirCharge,
    long OurSeconds,
    long TheirSeconds,
    decimal DeviationPercent,
    bool AlarmRaised,
    IReadOnlyList<ReconciliationMismatchResponse> Mismatches,
    DateTime CreatedAt);

public sealed record ReconciliationMismatchResponse(
    MismatchKind Kind, string Callee, DateTime Start, string? CdrId, int? Line, decimal? OurSeconds, decimal? TheirSeconds, decimal? OurCost, decimal? TheirCharge);

public static class ReconciliationMapping
{
    public static ReconciliationResponse AsResponse(this Reconciliation r) => new(
        r.Id, r.RoutingGatewayId, r.PeriodFrom, r.PeriodTo, r.StartToleranceSeconds, r.DurationToleranceSeconds, r.ChargeTolerance,
        r.AlarmThresholdPercent, r.OurCalls, r.TheirCalls, r.Matched, r.MissingOurs, r.MissingTheirs, r.DurationMismatches,
        r.ChargeMismatches, r.OurCost, r.TheirCharge, r.OurSeconds, r.TheirSeconds, r.DeviationPercent, r.AlarmRaised,
        r.Mismatches.Select(m => new ReconciliationMismatchResponse(m.Kind, m.Callee, m.Start, m.CdrId, m.Line, m.OurSeconds, m.TheirSeconds, m.OurCost, m.TheirCharge)).ToList(),
        r.CreatedAt);
}
