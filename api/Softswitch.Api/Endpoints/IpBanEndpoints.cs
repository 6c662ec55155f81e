using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/ip-bans</c> (platform admin): the sources the switch stopped answering, lifted one by one, and exported for
/// the host firewall. A lift reaches the switch within 2 seconds.
/// </summary>
public static class IpBanEndpoints
{
    private const string Resource = "IP ban";

    public static void MapIpBans(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/ip-bans").WithTags("IP bans").RequireAuthorization(AuthRegistration.PlatformPolicy);
        group.MapGet("", ListAsync).WithName("ListIpBans").WithSummary("List bans in force, with their rule, counts and expiry (platform admin)");
        group.MapGet("/export", ExportAsync).WithName("ExportIpBans")
            .WithSummary("Bans in force as an nftables or ipset script, with their remaining time as timeouts (platform admin)")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        group.MapDelete("/{ip}", LiftAsync).WithName("LiftIpBan").WithSummary("Lift the ban on an address (platform admin)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<IpBanResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, TimeProvider time, HttpContext http, int? limit, string? cursor, string? address, string? rule)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var canonical = ParseAddress("address", address, errors);
        errors.Optional("rule", rule, IpBan.RuleMaxLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = InForce(db, time);
        if (canonical is not null)
        {
            query = query.Where(b => b.Address == canonical);
        }

        if (!string.IsNullOrEmpty(rule))
        {
            query = query.Where(b => b.Rule == rule);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, SecurityMapping.AsResponse, http.RequestAborted));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> ExportAsync(SoftswitchDbContext db, TimeProvider time, HttpContext http, string? format)
    {
        if (format is not ("nftables" or "ipset"))
        {
            return ApiProblems.Invalid("format", "must be nftables or ipset.");
        }

        var bans = await InForce(db, time).OrderBy(b => b.Id).AsNoTracking().ToListAsync(http.RequestAborted);
        var script = FirewallExport.Write(format, bans, time.GetUtcNow().UtcDateTime);
        return TypedResults.Text(script, "text/plain");
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> LiftAsync(SoftswitchDbContext db, TimeProvider time, HttpContext http, string ip)
    {
        var errors = new FieldErrors();
        var canonical = ParseAddress("ip", ip, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var bans = await InForce(db, time).Where(b => b.Address == canonical).ToListAsync(http.RequestAborted);
        if (bans.Count == 0)
        {
            return ApiProblems.NotFound(Resource, ip);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var ban in bans)
        {
            ban.LiftedAt = now;
        }

        var lifted = bans[^1];
        db.SecurityEvents.Add(new SecurityEvent
        {
            OccurredAt = now,
            Rule = lifted.Rule,
            Action = SecurityAction.Lift,
            Address = lifted.Address,
            Count = lifted.Count,
            Threshold = lifted.Threshold,
            WindowSeconds = lifted.WindowSeconds,
            BannedUntil = lifted.ExpiresAt,
            Offence = lifted.Offence,
            Evidence = $"lifted with API key {ApiCaller.From(http.User).KeyId}",
        });
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static IQueryable<IpBan> InForce(SoftswitchDbContext db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.IpBans.Where(b => b.LiftedAt == null && b.ExpiresAt > now);
    }

    /// <summary>The address in the canonical form bans are stored in, so "::ffff:1.2.3.4"-style variants find them too.</summary>
    private static string? ParseAddress(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            errors.Add(field, "is not an IP address.");
            return null;
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
