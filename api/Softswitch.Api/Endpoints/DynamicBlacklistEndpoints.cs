using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/dynamic-blacklist</c>: the tenant's blacklisted numbers with their evidence. An operator adds a number by
/// hand, releases an entry early (optionally allowing the number for a grace period, so the rules do not blacklist it
/// again at once), and clears a number's counters; the switch applies each within 2 seconds. <c>/events</c> lists
/// warnings, would-blocks of monitor-only rules, additions, releases, expiries and counter resets.
/// </summary>
public static class DynamicBlacklistEndpoints
{
    private const string Resource = "dynamic blacklist entry";
    private const int MaxExpireSeconds = 365 * 86_400;
    private const int MaxGraceSeconds = 30 * 86_400;

    public static void MapDynamicBlacklist(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/dynamic-blacklist").WithTags("Dynamic blacklist");
        group.MapGet("", ListAsync).WithName("ListDynamicBlacklist")
            .WithSummary("List blacklist entries, oldest first, by value, subject, rule, gateway and whether active");
        group.MapGet("/events", ListEventsAsync).WithName("ListDynamicBlacklistEvents")
            .WithSummary("List dynamic-blacklist events (warnings, would-blocks, blocks, releases, expiries, resets), oldest first");
        group.MapGet("/{id}", GetAsync).WithName("GetDynamicBlacklistEntry").WithSummary("Get a blacklist entry with its evidence");
        group.MapPost("", AddAsync).WithName("AddDynamicBlacklistEntry").WithSummary("Blacklist a number or account by hand")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", ReleaseAsync).WithName("ReleaseDynamicBlacklistEntry")
            .WithSummary("Release an entry early; whitelist_seconds keeps the rules from blacklisting the number again for that long")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/reset-counters", ResetCountersAsync).WithName("ResetDynamicBlacklistCounters")
            .WithSummary("Clear a number's (or account's) counters under every rule")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<DynamicBlacklistEntryResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, int? limit, string? cursor, [AsParameters] DynamicBlacklistQuery filter)
    {
        var errors = new FieldErrors()
            .Optional("value", filter.Value, DynamicBlacklistEntry.ValueMaxLength)
            .Optional("rule_id", filter.RuleId, IdGenerator.MaxLength)
            .Optional("mapping_gateway_id", filter.MappingGatewayId, IdGenerator.MaxLength);
        var subjectFilter = errors.EnumName<BlacklistSubject>("subject", filter.Subject);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var query = db.DynamicBlacklistEntries.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Value))
        {
            query = query.Where(e => e.Value == filter.Value);
        }

        if (subjectFilter is { } subject)
        {
            query = query.Where(e => e.Subject == subject);
        }

        if (!string.IsNullOrEmpty(filter.RuleId))
        {
            query = query.Where(e => e.RuleId == filter.RuleId);
        }

        if (!string.IsNullOrEmpty(filter.MappingGatewayId))
        {
            query = query.Where(e => e.MappingGatewayId == filter.MappingGatewayId);
        }

        if (filter.Active is { } active)
        {
            query = active
                ? query.Where(e => e.ReleasedAt == null && e.ExpiresAt > now)
                : query.Where(e => e.ReleasedAt != null || e.ExpiresAt <= now);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, e => e.AsResponse(now), http.RequestAborted));
    }

    private static Task<Results<Ok<DynamicBlacklistEntryResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string id)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return EntityOperations.GetAsync(db.DynamicBlacklistEntries, id, Resource, e => e.AsResponse(now), http);
    }

    private static async Task<Results<Created<DynamicBlacklistEntryResponse>, ValidationProblem>> AddAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, DynamicBlacklistAddRequest request)
    {
        var errors = new FieldErrors()
            .Required("value", request.Value, DynamicBlacklistEntry.ValueMaxLength)
            .Range("expire_seconds", request.ExpireSeconds, 1, MaxExpireSeconds)
            .Optional("note", request.Note, DynamicBlacklistEntry.NoteMaxLength);
        if (request.Subject is not { } subject)
        {
            errors.Add("subject", "is required.");
        }
        else
        {
            errors.Defined("subject", subject);
        }

        if (request.ExpireSeconds is null)
        {
            errors.Add("expire_seconds", "is required.");
        }

        await References.CheckAsync(db.MappingGateways, "mapping_gateway_id", request.MappingGatewayId, "mapping gateway", errors, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entry = new DynamicBlacklistEntry
        {
            Id = IdGenerator.New(IdPrefix.DynamicBlacklistEntry, now),
            Kind = BlacklistEntryKind.Block,
            Subject = request.Subject!.Value,
            Value = request.Value!.Trim(),
            MappingGatewayId = request.MappingGatewayId,
            BlockedAt = now,
            ExpiresAt = now.AddSeconds(request.ExpireSeconds!.Value),
            Note = request.Note,
        };
        db.DynamicBlacklistEntries.Add(entry);
        db.DynamicBlacklistEvents.Add(EventFor(entry, BlacklistEventKind.Added, now));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/v1/dynamic-blacklist/{entry.Id}", entry.AsResponse(now));
    }

    private static async Task<Results<NoContent, ValidationProblem, MissingOrStale>> ReleaseAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string id, [FromQuery(Name = "whitelist_seconds")] int? whitelistSeconds)
    {
        var errors = new FieldErrors().Range("whitelist_seconds", whitelistSeconds, 1, MaxGraceSeconds);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (entry, failure) = await EntityOperations.LoadForUpdateAsync(db.DynamicBlacklistEntries, id, Resource, http);
        if (entry is null)
        {
            return failure!;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (entry.ReleasedAt is null)
        {
            entry.ReleasedAt = now;
            db.DynamicBlacklistEvents.Add(EventFor(entry, BlacklistEventKind.Released, now));
        }

        if (whitelistSeconds is { } grace && entry.Kind == BlacklistEntryKind.Block)
        {
            db.DynamicBlacklistEntries.Add(new DynamicBlacklistEntry
            {
                Kind = BlacklistEntryKind.Allow,
                Subject = entry.Subject,
                Value = entry.Value,
                MappingGatewayId = entry.MappingGatewayId,
                BlockedAt = now,
                ExpiresAt = now.AddSeconds(grace),
                Note = $"grace after releasing {entry.Id}",
            });
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ValidationProblem>> ResetCountersAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, CounterResetRequest request)
    {
        var errors = new FieldErrors().Required("value", request.Value, DynamicBlacklistEntry.ValueMaxLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.DynamicBlacklistEvents.Add(new DynamicBlacklistEvent { OccurredAt = now, Kind = BlacklistEventKind.CountersReset, Value = request.Value!.Trim() });
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<Page<DynamicBlacklistEventResponse>>, ValidationProblem>> ListEventsAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, [AsParameters] DynamicBlacklistEventQuery filter)
    {
        var errors = new FieldErrors()
            .Optional("value", filter.Value, DynamicBlacklistEntry.ValueMaxLength)
            .Optional("rule_id", filter.RuleId, IdGenerator.MaxLength);
        var kindFilter = errors.EnumName<BlacklistEventKind>("kind", filter.Kind);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (filter is { From: { } from, To: { } to } && RateRules.AsUtc(to) <= RateRules.AsUtc(from))
        {
            errors.Add("to", "must be later than from.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.DynamicBlacklistEvents.AsQueryable();
        if (kindFilter is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.Value))
        {
            query = query.Where(e => e.Value == filter.Value);
        }

        if (!string.IsNullOrEmpty(filter.RuleId))
        {
            query = query.Where(e => e.RuleId == filter.RuleId);
        }

        if (filter.From is { } since)
        {
            var start = RateRules.AsUtc(since);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } until)
        {
            var end = RateRules.AsUtc(until);
            query = query.Where(e => e.OccurredAt < end);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, DynamicBlacklistMapping.AsResponse, http.RequestAborted));
    }

    private static DynamicBlacklistEvent EventFor(DynamicBlacklistEntry entry, BlacklistEventKind kind, DateTime now) => new()
    {
        OccurredAt = now,
        Kind = kind,
        Subject = entry.Subject,
        Value = entry.Value,
        MappingGatewayId = entry.MappingGatewayId,
        RuleId = entry.RuleId,
        EntryId = entry.Id,
        ExpiresAt = entry.ExpiresAt,
    };
}
