using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Api.RateDecks;
using Softswitch.Api.Reconciliations;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/reconciliations</c>: import a vendor's CDR file (CSV, columns named by query parameters) for a period and one
/// vendor trunk, match it with our answered calls on that trunk and keep the result. A deviation of the totals past the
/// threshold raises an alarm (a <c>reconciliation-deviation</c> security event of the tenant, action <c>alert</c>).
/// </summary>
public static class ReconciliationEndpoints
{
    private const string Resource = "reconciliation";
    public const string AlarmRule = "reconciliation-deviation";

    public static void MapReconciliations(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/reconciliations").WithTags("Billing");
        group.MapGet("", ListAsync).WithName("ListReconciliations").WithSummary("List reconciliations, oldest first");
        group.MapGet("/{id}", GetAsync).WithName("GetReconciliation").WithSummary("Get a reconciliation with its mismatches");
        group.MapPost("", CreateAsync).WithName("CreateReconciliation")
            .WithSummary("Reconcile a vendor's CDR file (text/csv with a header line) with our CDRs of one vendor trunk for a period")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Accepts<string>(RateDeckReader.ContentType)
            .WithMetadata(new RequestSizeLimitAttribute(VendorCdrReader.MaxBodyBytes));
    }

    private static Task<Results<Ok<Page<ReconciliationResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.Reconciliations, limit, cursor, ReconciliationMapping.AsResponse, http);

    private static Task<Results<Ok<ReconciliationResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.Reconciliations, id, Resource, ReconciliationMapping.AsResponse, http);

    private static async Task<Results<Created<ReconciliationResponse>, ValidationProblem, NotFoundProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem>> CreateAsync(
        SoftswitchDbContext db,
        HttpContext http,
        TimeProvider time,
        [FromQuery(Name = "routing_gateway_id")] string? routingGatewayId,
        [FromQuery(Name = "from")] DateTime? from,
        [FromQuery(Name = "to")] DateTime? to,
        [FromQuery(Name = "callee_column")] string? calleeColumn,
        [FromQuery(Name = "start_column")] string? startColumn,
        [FromQuery(Name = "duration_column")] string? durationColumn,
        [FromQuery(Name = "charge_column")] string? chargeColumn,
        [FromQuery(Name = "start_tolerance_seconds")] int? startTolerance,
        [FromQuery(Name = "duration_tolerance_seconds")] int? durationTolerance,
        [FromQuery(Name = "charge_tolerance")] decimal? chargeTolerance,
        [FromQuery(Name = "alarm_threshold_percent")] decimal? alarmThreshold)
    {
        var errors = new FieldErrors()
            .Required("routing_gateway_id", routingGatewayId, IdGenerator.MaxLength)
            .Range("start_tolerance_seconds", startTolerance, 0, 3_600)
            .Range("duration_tolerance_seconds", durationTolerance, 0, 3_600)
            .Range("charge_tolerance", chargeTolerance, 0m, 1_000_000m)
            .Range("alarm_threshold_percent", alarmThreshold, 0m, 100_000m);
        if (from is null || to is null || from >= to)
        {
            errors.Add("to", "from and to are required, from before to.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.RoutingGateways.AnyAsync(g => g.Id == routingGatewayId, http.RequestAborted))
        {
            return ApiProblems.NotFound("routing gateway", routingGatewayId!);
        }

        if (!RateDeckReader.IsCsv(http.Request.ContentType))
        {
            return new UnsupportedMediaTypeProblem(
                "Unsupported media type", $"Send the vendor's CDRs as 'Content-Type: {RateDeckReader.ContentType}' with a header line.");
        }

        var (periodFrom, periodTo) = (RateRules.AsUtc(from!.Value), RateRules.AsUtc(to!.Value));
        var columns = new VendorCdrColumns(calleeColumn ?? "callee", startColumn ?? "start", durationColumn ?? "duration", chargeColumn ?? "charge");
        VendorCdrFile file;
        try
        {
            file = await VendorCdrReader.ReadAsync(http.Request.Body, columns, periodFrom, periodTo, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (file.TooManyRows)
        {
            return TooLarge();
        }

        if (file.Faults.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [.. file.Faults] });
        }

        var ours = await db.Cdrs.AsNoTracking()
            .Where(c => c.RoutingGatewayId == routingGatewayId && c.AnswerAt != null && c.AnswerAt >= periodFrom && c.AnswerAt < periodTo)
            .OrderBy(c => c.Id)
            .Take(VendorCdrReader.MaxRows)
            .Select(c => new OurCdr(c.Id, c.CalleeSent ?? c.CalleeReceived, c.AnswerAt!.Value, c.DurationMilliseconds / 1000m, c.Cost))
            .ToListAsync(http.RequestAborted);
        var reconciliation = new Reconciliation
        {
            RoutingGatewayId = routingGatewayId!, PeriodFrom = periodFrom, PeriodTo = periodTo,
            StartToleranceSeconds = startTolerance ?? 10, DurationToleranceSeconds = durationTolerance ?? 1,
            ChargeTolerance = chargeTolerance ?? 0.01m, AlarmThresholdPercent = alarmThreshold ?? 1m,
        };
        CdrMatcher.Reconcile(reconciliation, ours, file.Calls);
        db.Reconciliations.Add(reconciliation);
        if (reconciliation.AlarmRaised)
        {
            db.SecurityEvents.Add(Alarm(reconciliation, db.CurrentTenantId!, time.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/reconciliations/{reconciliation.Id}", reconciliation, ReconciliationMapping.AsResponse);
    }

    private static SecurityEvent Alarm(Reconciliation r, string tenantId, DateTime now) => new()
    {
        OccurredAt = now,
        Rule = AlarmRule,
        Action = SecurityAction.Alert,
        TenantId = tenantId,
        Count = (int)Math.Min(int.MaxValue, Math.Round(r.DeviationPercent)),
        Threshold = (int)Math.Round(r.AlarmThresholdPercent),
        Evidence = FormattableString.Invariant(
            $"Vendor trunk {r.RoutingGatewayId}, {r.PeriodFrom:O} to {r.PeriodTo:O}: vendor charges {r.TheirCharge}, our cost {r.OurCost} ({r.DeviationPercent} %); {r.MissingOurs} calls only theirs, {r.MissingTheirs} only ours"),
    };

    private static PayloadTooLargeProblem TooLarge() => new(
        "Payload too large",
        FormattableString.Invariant($"A vendor file holds at most {VendorCdrReader.MaxRows} rows and {VendorCdrReader.MaxBodyBytes} bytes; split the period."));
}
