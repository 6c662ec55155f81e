using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/alarms</c>: every firing of the tenant's alarm rules, suppressed ones included, oldest first. An operator
/// acknowledges an alarm (seen, being handled) and resolves it; both record the API key and the time.
/// </summary>
public static class AlarmEndpoints
{
    private const string Resource = "alarm";

    public static void MapAlarms(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/alarms").WithTags("Alarms");
        group.MapGet("", ListAsync).WithName("ListAlarms").WithSummary("List alarms by state, kind, rule, subject and firing time");
        group.MapGet("/{id}", GetAsync).WithName("GetAlarm").WithSummary("Get an alarm");
        group.MapPost("/{id}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlarm").WithSummary("Acknowledge an open alarm")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/{id}/resolve", ResolveAsync).WithName("ResolveAlarm").WithSummary("Resolve an alarm")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<AlarmResponse>>, ValidationProblem>> ListAsync(SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, [AsParameters] AlarmQuery filter)
    {
        var errors = new FieldErrors()
            .Optional("rule_id", filter.RuleId, IdGenerator.MaxLength)
            .Optional("subject_id", filter.SubjectId, Alarm.SubjectMaxLength);
        var page = PageRequest.Parse(limit, cursor, errors);
        var state = Named<AlarmState>("state", filter.State, errors);
        var kind = Named<AlarmKind>("kind", filter.Kind, errors);
        if (filter is { From: { } from, To: { } to } && RateRules.AsUtc(to) <= RateRules.AsUtc(from))
        {
            errors.Add("to", "must be later than from.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Alarms.AsQueryable();
        if (state is { } wantedState)
        {
            query = query.Where(a => a.State == wantedState);
        }

        if (kind is { } wantedKind)
        {
            query = query.Where(a => a.Kind == wantedKind);
        }

        if (!string.IsNullOrEmpty(filter.RuleId))
        {
            query = query.Where(a => a.RuleId == filter.RuleId);
        }

        if (!string.IsNullOrEmpty(filter.SubjectId))
        {
            query = query.Where(a => a.SubjectId == filter.SubjectId);
        }

        if (filter.From is { } since)
        {
            var start = RateRules.AsUtc(since);
            query = query.Where(a => a.FiredAt >= start);
        }

        if (filter.To is { } until)
        {
            var end = RateRules.AsUtc(until);
            query = query.Where(a => a.FiredAt < end);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, AlarmMapping.AsResponse, http.RequestAborted));
    }

    /// <summary>An enum member by its API (snake_case) name.</summary>
    private static TEnum? Named<TEnum>(string field, string? value, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        foreach (var member in Enum.GetValues<TEnum>())
        {
            if (JsonNamingPolicy.SnakeCaseLower.ConvertName(member.ToString()) == value)
            {
                return member;
            }
        }

        errors.Add(field, "must be one of " + string.Join(", ", Enum.GetValues<TEnum>().Select(m => JsonNamingPolicy.SnakeCaseLower.ConvertName(m.ToString()))) + ".");
        return null;
    }

    private static Task<Results<Ok<AlarmResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.Alarms, id, Resource, AlarmMapping.AsResponse, http);

    private static Task<Results<Ok<AlarmResponse>, MissingOrStale, ConflictProblem>> AcknowledgeAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string id) =>
        ChangeAsync(db, http, id, alarm =>
        {
            if (alarm.State is not (AlarmState.Open or AlarmState.Suppressed))
            {
                return $"The alarm is {alarm.State.ToString().ToLowerInvariant()}; only an open or suppressed alarm can be acknowledged.";
            }

            (alarm.State, alarm.AcknowledgedAt, alarm.AcknowledgedBy) = (AlarmState.Acknowledged, time.GetUtcNow().UtcDateTime, ApiCaller.From(http.User).KeyId);
            return null;
        });

    private static Task<Results<Ok<AlarmResponse>, MissingOrStale, ConflictProblem>> ResolveAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string id) =>
        ChangeAsync(db, http, id, alarm =>
        {
            if (alarm.State == AlarmState.Resolved)
            {
                return "The alarm is resolved already.";
            }

            (alarm.State, alarm.ResolvedAt, alarm.ResolvedBy) = (AlarmState.Resolved, time.GetUtcNow().UtcDateTime, ApiCaller.From(http.User).KeyId);
            return null;
        });

    private static async Task<Results<Ok<AlarmResponse>, MissingOrStale, ConflictProblem>> ChangeAsync(SoftswitchDbContext db, HttpContext http, string id, Func<Alarm, string?> change)
    {
        var (alarm, failure) = await EntityOperations.LoadForUpdateAsync(db.Alarms, id, Resource, http);
        if (alarm is null)
        {
            return failure!;
        }

        if (change(alarm) is { } conflict)
        {
            return ApiProblems.Conflict(conflict);
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Updated(http, alarm, AlarmMapping.AsResponse);
    }
}
