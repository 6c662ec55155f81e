using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Api.Webhooks;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Redirect;
using Softswitch.Switch.Redirect;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/redirect-profiles</c>: the 3xx redirect client's routing servers and rules, one for the tenant and one per
/// trunk at most. A change is in force for new calls within 2 seconds. Routing servers must be on public addresses
/// (the webhooks' SSRF guard) unless <c>Softswitch:Redirect:AllowPrivateTargets</c>.
/// </summary>
public static class RedirectProfileEndpoints
{
    private const string Resource = "redirect profile";

    public static void MapRedirectProfiles(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/redirect-profiles").WithTags("Redirect client");
        group.MapGet("", ListAsync).WithName("ListRedirectProfiles").WithSummary("List the tenant's redirect profiles");
        group.MapGet("/{id}", GetAsync).WithName("GetRedirectProfile").WithSummary("Get a redirect profile");
        group.MapPost("", CreateAsync).WithName("CreateRedirectProfile").WithSummary("Ask external routing servers before routing the tenant's or a trunk's calls")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateRedirectProfile").WithSummary("Replace a redirect profile")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteRedirectProfile").WithSummary("Stop asking routing servers for the tenant or the trunk")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<RedirectProfileResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.RedirectProfiles, limit, cursor, RedirectProfileMapping.AsResponse, http);

    private static Task<Results<Ok<RedirectProfileResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.RedirectProfiles, id, Resource, RedirectProfileMapping.AsResponse, http);

    private static async Task<Results<Created<RedirectProfileResponse>, ValidationProblem, ConflictProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, IOptions<RedirectOptions> options, RedirectProfileRequest request)
    {
        var errors = await ValidateAsync(db, request, options.Value, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var profile = new RedirectProfile();
        Apply(profile, request);
        if (await TakenAsync(db, profile, http.RequestAborted))
        {
            return Duplicate(profile);
        }

        db.RedirectProfiles.Add(profile);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/redirect-profiles/{profile.Id}", profile, RedirectProfileMapping.AsResponse);
    }

    private static Task<Results<Ok<RedirectProfileResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<RedirectOptions> options, string id, RedirectProfileRequest request) =>
        EntityOperations.ReplaceAsync(db, db.RedirectProfiles, id, Resource, http,
            validate: cancellationToken => ValidateAsync(db, request, options.Value, cancellationToken),
            apply: profile => Apply(profile, request),
            refuse: async (profile, cancellationToken) => await TakenAsync(db, profile, cancellationToken) ? Duplicate(profile) : null,
            RedirectProfileMapping.AsResponse);

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.RedirectProfiles, id, Resource, http);

    private static async Task<FieldErrors> ValidateAsync(
        SoftswitchDbContext db, RedirectProfileRequest request, RedirectOptions options, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Range("deadline_milliseconds", request.DeadlineMilliseconds, RedirectProfile.MinTimeoutMilliseconds, RedirectProfile.MaxTimeoutMilliseconds)
            .Optional("description", request.Description, RedirectProfile.DescriptionMaxLength);
        if (request.OnFailure is { } mode)
        {
            errors.Defined("on_failure", mode);
        }

        if (request.MappingGatewayId is not null)
        {
            await References.CheckAsync(db.MappingGateways, "mapping_gateway_id", request.MappingGatewayId, "mapping gateway", errors, cancellationToken);
        }

        await CheckServersAsync(request.Servers, options, errors, cancellationToken);
        CheckList(errors, "accept_hosts", request.AcceptHosts, IsHostEntry);
        CheckList(errors, "deny_hosts", request.DenyHosts, IsHostEntry);
        CheckList(errors, "accept_prefixes", request.AcceptPrefixes, IsPrefix);
        CheckList(errors, "deny_prefixes", request.DenyPrefixes, IsPrefix);
        if (request.CarryHeaders is { } headers)
        {
            if (headers.Count > RedirectProfile.MaxCarriedHeaders)
            {
                errors.Add("carry_headers", $"may name at most {RedirectProfile.MaxCarriedHeaders} headers.");
            }
            else if (headers.FirstOrDefault(h => h is null || h.Length > RedirectProfile.HeaderNameMaxLength || !RedirectHeaders.IsCarriable(h)) is { } bad)
            {
                errors.Add("carry_headers", $"'{bad}' is not Identity, P-Asserted-Identity or an X- header name.");
            }
        }

        return errors;
    }

    private static async Task CheckServersAsync(
        IReadOnlyList<RedirectServerRequest>? servers, RedirectOptions options, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (servers is not { Count: > 0 })
        {
            errors.Add("servers", "must list at least one routing server.");
            return;
        }

        if (servers.Count > RedirectProfile.MaxServers)
        {
            errors.Add("servers", $"may list at most {RedirectProfile.MaxServers} routing servers.");
            return;
        }

        for (var i = 0; i < servers.Count; i++)
        {
            var field = $"servers[{i}].uri";
            var server = servers[i];
            errors.Range($"servers[{i}].timeout_milliseconds", server?.TimeoutMilliseconds, RedirectProfile.MinTimeoutMilliseconds, RedirectProfile.MaxTimeoutMilliseconds);
            if (server?.Uri is not { Length: > 0 and <= RedirectProfile.ServerUriMaxLength } uri
                || RoutingServer.TryCreate(uri, TimeSpan.Zero) is not { } parsed)
            {
                errors.Add(field, "must be a sip: URI with a host or an absolute http(s) URL without user info, at most 300 characters.");
                continue;
            }

            // A SIP server's host is held to the same SSRF guard as an HTTP one: the switch would send it INVITEs.
            var url = parsed.Http?.ToString() ?? $"http://{parsed.Sip!.Host}/";
            await WebhookUrlCheck.CheckAsync(field, url, options.AllowPrivateTargets, errors, cancellationToken);
        }
    }

    private static void CheckList(FieldErrors errors, string field, IReadOnlyList<string>? values, Func<string, bool> valid)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > RedirectProfile.MaxFilterEntries)
        {
            errors.Add(field, $"may hold at most {RedirectProfile.MaxFilterEntries} entries.");
        }
        else if (values.FirstOrDefault(v => v is null || v.Length is 0 or > RedirectProfile.FilterEntryMaxLength || !valid(v)) is { } bad)
        {
            errors.Add(field, $"'{bad}' is not valid here.");
        }
    }

    private static bool IsHostEntry(string entry) =>
        entry.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']');

    private static bool IsPrefix(string prefix) => prefix.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#');

    private static void Apply(RedirectProfile profile, RedirectProfileRequest request)
    {
        profile.MappingGatewayId = request.MappingGatewayId;
        profile.Enabled = request.Enabled ?? true;
        profile.Servers = request.Servers!
            .Select(s => new RedirectServer { Uri = s.Uri!, TimeoutMilliseconds = s.TimeoutMilliseconds ?? RedirectProfile.DefaultServerTimeoutMilliseconds })
            .ToList();
        profile.DeadlineMilliseconds = request.DeadlineMilliseconds ?? RedirectProfile.DefaultDeadlineMilliseconds;
        profile.OnFailure = request.OnFailure ?? RedirectFailureMode.OwnRoutes;
        profile.AcceptHosts = [.. request.AcceptHosts ?? []];
        profile.DenyHosts = [.. request.DenyHosts ?? []];
        profile.AcceptPrefixes = [.. request.AcceptPrefixes ?? []];
        profile.DenyPrefixes = [.. request.DenyPrefixes ?? []];
        profile.CarryHeaders = request.CarryHeaders is { } headers ? [.. headers.Distinct(StringComparer.OrdinalIgnoreCase)] : ["Identity", "P-Asserted-Identity"];
        profile.Description = request.Description;
    }

    /// <summary>Another profile already applies to the same trunk, or to the tenant.</summary>
    private static Task<bool> TakenAsync(SoftswitchDbContext db, RedirectProfile profile, CancellationToken cancellationToken) =>
        db.RedirectProfiles.AnyAsync(p => p.Id != profile.Id && p.MappingGatewayId == profile.MappingGatewayId, cancellationToken);

    private static ConflictProblem Duplicate(RedirectProfile profile) =>
        ApiProblems.Conflict(profile.MappingGatewayId is null
            ? "The tenant already has a tenant-level redirect profile; change it with PUT."
            : $"{profile.MappingGatewayId} already has a redirect profile; change it with PUT.");
}
