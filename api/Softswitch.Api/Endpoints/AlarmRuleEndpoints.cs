using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/alarm-rules</c>: what the tenant wants to be woken for (issue 9 §8). The worker's <c>alarm-evaluation</c> job
/// reads the rules every minute; a rule that reads calls one by one looks at calls stored after it was last saved.
/// </summary>
public static class AlarmRuleEndpoints
{
    private const string Resource = "alarm rule";
    private const int MaxWindowMinutes = 24 * 60;
    private const int MaxSuppressionMinutes = 30 * 24 * 60;

    public static void MapAlarmRules(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/alarm-rules").WithTags("Alarms");
        group.MapGet("", ListAsync).WithName("ListAlarmRules").WithSummary("List the tenant's alarm rules");
        group.MapGet("/{id}", GetAsync).WithName("GetAlarmRule").WithSummary("Get an alarm rule");
        group.MapPost("", CreateAsync).WithName("CreateAlarmRule").WithSummary("Create an alarm rule")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateAlarmRule").WithSummary("Replace an alarm rule")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteAlarmRule").WithSummary("Delete an alarm rule (its alarms stay)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<AlarmRuleResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.AlarmRules, limit, cursor, AlarmMapping.AsResponse, http);

    private static Task<Results<Ok<AlarmRuleResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.AlarmRules, id, Resource, AlarmMapping.AsResponse, http);

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.AlarmRules, id, Resource, http);

    private static async Task<Results<Created<AlarmRuleResponse>, ValidationProblem, ConflictProblem, UnprocessableProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, AlarmRuleRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var name = request.Name!.Trim();
        if (await db.AlarmRules.AnyAsync(r => r.Name == name, http.RequestAborted))
        {
            return ApiProblems.Conflict($"An alarm rule named '{name}' exists already.");
        }

        if (await db.AlarmRules.CountAsync(http.RequestAborted) >= AlarmRule.MaxPerTenant)
        {
            return new FieldErrors().Add("name", $"would pass the limit of {AlarmRule.MaxPerTenant} alarm rules per tenant.")
                .ToRefusal();
        }

        var rule = new AlarmRule();
        Apply(rule, request);
        db.AlarmRules.Add(rule);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/alarm-rules/{rule.Id}", rule, AlarmMapping.AsResponse);
    }

    private static Task<Results<Ok<AlarmRuleResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, AlarmRuleRequest request) =>
        EntityOperations.ReplaceAsync(db, db.AlarmRules, id, Resource, http,
            validate: cancellationToken => ValidateAsync(db, request, cancellationToken),
            apply: rule => Apply(rule, request),
            refuse: async (_, cancellationToken) =>
            {
                var name = request.Name!.Trim();
                return await db.AlarmRules.AnyAsync(r => r.Name == name && r.Id != id, cancellationToken)
                    ? ApiProblems.Conflict($"An alarm rule named '{name}' exists already.")
                    : null;
            },
            AlarmMapping.AsResponse);

    private static void Apply(AlarmRule rule, AlarmRuleRequest request)
    {
        rule.Name = request.Name!.Trim();
        rule.Kind = request.Kind!.Value;
        rule.Enabled = request.Enabled ?? true;
        rule.AccountId = request.AccountId;
        rule.RoutingGatewayId = request.RoutingGatewayId;
        rule.Threshold = request.Threshold;
        rule.WindowMinutes = request.WindowMinutes ?? 15;
        rule.MinimumCalls = request.MinimumCalls ?? 0;
        rule.SuppressionMinutes = request.SuppressionMinutes ?? 60;
        rule.SuppressAll = request.SuppressAll ?? false;
        rule.SecurityEventRule = request.SecurityEventRule;
        rule.WorkCalendar = request.WorkCalendar is { } calendar
            ? new WorkCalendar
            {
                Days = [.. (calendar.Days ?? []).Distinct()], StartMinute = Minute(calendar.Start)!.Value, EndMinute = Minute(calendar.End)!.Value,
                TimeZone = calendar.TimeZone ?? "UTC",
            }
            : new WorkCalendar();
    }

    private static async Task<FieldErrors> ValidateAsync(SoftswitchDbContext db, AlarmRuleRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, AlarmRule.NameMaxLength)
            .Range("window_minutes", request.WindowMinutes, 1, MaxWindowMinutes)
            .Range("minimum_calls", request.MinimumCalls, 0, 1_000_000)
            .Range("suppression_minutes", request.SuppressionMinutes, 0, MaxSuppressionMinutes)
            .Range("threshold", request.Threshold, 0m, 1_000_000_000m)
            .Optional("security_event_rule", request.SecurityEventRule, IpBan.RuleMaxLength);
        if (request.Kind is not { } kind)
        {
            return errors.Add("kind", "is required.");
        }

        errors.Defined("kind", kind);
        if (kind is AlarmKind.LongCall or AlarmKind.LowAsr or AlarmKind.TrafficSpike or AlarmKind.SecurityEventBurst && request.Threshold is null)
        {
            errors.Add("threshold", "is required for this kind of rule.");
        }

        if (kind == AlarmKind.LowAsr && request.Threshold > 100m)
        {
            errors.Add("threshold", "is a percentage (0-100) for low_asr.");
        }

        if (kind == AlarmKind.SecurityEventBurst && string.IsNullOrWhiteSpace(request.SecurityEventRule))
        {
            errors.Add("security_event_rule", "is required for security_event_burst (e.g. auth-failure, low-balance).");
        }

        if (kind is AlarmKind.SecurityEventBurst or AlarmKind.ReconciliationDeviation or AlarmKind.GatewayDown && request.AccountId is not null)
        {
            errors.Add("account_id", "does not apply to this kind of rule.");
        }

        if (request.RoutingGatewayId is not null && kind is not (AlarmKind.LowAsr or AlarmKind.GatewayDown))
        {
            errors.Add("routing_gateway_id", "applies only to low_asr and gateway_down.");
        }

        if (request.AccountId is not null && request.RoutingGatewayId is not null)
        {
            errors.Add("routing_gateway_id", "cannot be combined with account_id: a low_asr rule watches an account or gateways.");
        }

        ValidateCalendar(errors, kind, request.WorkCalendar);
        if (request.AccountId is { } account && !await db.Accounts.AnyAsync(a => a.Id == account, cancellationToken))
        {
            errors.Add("account_id", "names no account of this tenant.");
        }

        if (request.RoutingGatewayId is { } gateway && !await db.RoutingGateways.AnyAsync(g => g.Id == gateway, cancellationToken))
        {
            errors.Add("routing_gateway_id", "names no routing gateway of this tenant.");
        }

        return errors;
    }

    private static void ValidateCalendar(FieldErrors errors, AlarmKind kind, WorkCalendarRequest? calendar)
    {
        if (kind != AlarmKind.OutsideWorkingHours)
        {
            if (calendar is not null)
            {
                errors.Add("work_calendar", "applies only to outside_working_hours.");
            }

            return;
        }

        if (calendar is null)
        {
            errors.Add("work_calendar", "is required for outside_working_hours.");
            return;
        }

        if (calendar.Days is not { Count: > 0 } days || days.Any(d => !Enum.IsDefined(d)))
        {
            errors.Add("work_calendar.days", "must name at least one weekday (monday … sunday).");
        }

        if (Minute(calendar.Start) is null)
        {
            errors.Add("work_calendar.start", "must be a local time HH:mm.");
        }

        if (Minute(calendar.End) is null)
        {
            errors.Add("work_calendar.end", "must be a local time HH:mm.");
        }

        if (calendar.TimeZone is { } zone && (zone.Length > 64 || !WorkCalendar.IsKnownTimeZone(zone)))
        {
            errors.Add("work_calendar.time_zone", "must be an IANA time zone, e.g. Europe/London.");
        }
    }

    private static int? Minute(string? clock) =>
        TimeOnly.TryParseExact(clock, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.Hour * 60 + time.Minute : null;
}
