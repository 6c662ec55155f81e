using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Fraud;
using Softswitch.Switch.Fraud;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/signalling-rules</c> (platform admin): the thresholds, windows, ban lengths, scanner patterns, trusted
/// blocks and monitor-only rules of the anti-fraud signalling layer, changed at run time; the switch applies a change
/// within 2 seconds. <c>DELETE</c> goes back to the <c>Softswitch:Fraud</c> settings. The table sizes
/// (<c>MaxTrackedSources</c>, <c>MaxBans</c>) stay settings: they are memory, fixed at start.
/// </summary>
public static class SignallingRuleEndpoints
{
    public static void MapSignallingRules(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/signalling-rules").WithTags("Signalling rules").RequireAuthorization(AuthRegistration.PlatformPolicy);
        group.MapGet("", GetAsync).WithName("GetSignallingRules").WithSummary("The signalling layer's rules in force (platform admin)");
        group.MapPut("", PutAsync).WithName("PutSignallingRules").WithSummary("Replace the signalling layer's rules (platform admin)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("", DeleteAsync).WithName("ResetSignallingRules").WithSummary("Go back to the configured signalling rules (platform admin)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Ok<SignallingRulesResponse>> GetAsync(SoftswitchDbContext db, IConfiguration configuration, HttpContext http)
    {
        if (await db.SignallingRuleSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(http.RequestAborted) is { } stored)
        {
            ETags.Set(http.Response, stored);
            return TypedResults.Ok(stored.AsResponse("api"));
        }

        return TypedResults.Ok(SignallingRuleRows.FromOptions(Configured(configuration)).AsResponse("settings"));
    }

    private static async Task<Results<Ok<SignallingRulesResponse>, ValidationProblem, PreconditionFailedProblem>> PutAsync(SoftswitchDbContext db, IConfiguration configuration, HttpContext http, SignallingRulesRequest request)
    {
        var errors = Validate(request, Configured(configuration));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var stored = await db.SignallingRuleSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(http.RequestAborted);
        if (stored is not null && !ETags.IfMatchHolds(http.Request, stored))
        {
            return ApiProblems.PreconditionFailed(stored.Version);
        }

        if (stored is null)
        {
            stored = new SignallingRuleSettings();
            db.SignallingRuleSettings.Add(stored);
        }

        Fill(stored, request);
        await db.SaveChangesAsync(http.RequestAborted);
        ETags.Set(http.Response, stored);
        return TypedResults.Ok(stored.AsResponse("api"));
    }

    private static async Task<Results<NoContent, PreconditionFailedProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http)
    {
        var stored = await db.SignallingRuleSettings.ToListAsync(http.RequestAborted);
        if (stored.FirstOrDefault() is { } current && !ETags.IfMatchHolds(http.Request, current))
        {
            return ApiProblems.PreconditionFailed(current.Version);
        }

        db.SignallingRuleSettings.RemoveRange(stored);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static SignallingGuardOptions Configured(IConfiguration configuration) =>
        configuration.GetSection(SignallingGuardOptions.Section).Get<SignallingGuardOptions>() ?? new SignallingGuardOptions();

    /// <summary>Every field present, then the same ranges and checks as the settings (the switch would refuse anything else).</summary>
    private static FieldErrors Validate(SignallingRulesRequest request, SignallingGuardOptions configured)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in Numbers(request).Where(n => n.Value is null))
        {
            errors.Add(field, "is required.");
        }

        if (request.ScannerPatterns is not { } patterns || patterns.Count > SignallingRuleSettings.MaxPatterns
            || patterns.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > SignallingRuleSettings.PatternMaxLength || p.Contains(',', StringComparison.Ordinal)))
        {
            errors.Add("scanner_patterns", $"is required: at most {SignallingRuleSettings.MaxPatterns} patterns of 1–{SignallingRuleSettings.PatternMaxLength} characters without commas (may be empty).");
        }

        if (request.TrustedAddresses is not { } trusted || trusted.Count > SignallingRuleSettings.MaxTrustedBlocks || trusted.Any(b => !CidrBlock.IsValid(b)))
        {
            errors.Add("trusted_addresses", $"is required: at most {SignallingRuleSettings.MaxTrustedBlocks} IP addresses or CIDR blocks (may be empty).");
        }

        if (request.MonitorRules is not { } monitored || monitored.Any(r => !SecurityRules.Signalling.Contains(r)))
        {
            errors.Add("monitor_rules", $"is required: rules among {string.Join(", ", SecurityRules.Signalling)} (may be empty).");
        }

        if (errors.Any)
        {
            return errors;
        }

        var row = new SignallingRuleSettings();
        Fill(row, request);
        var options = SignallingRuleRows.ToOptions(row, configured);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                errors.Add(JsonNames.Of(member), result.ErrorMessage ?? "is out of range.");
            }
        }

        if (options.MaxBanSeconds < options.BanSeconds)
        {
            errors.Add("max_ban_seconds", "must be at least ban_seconds.");
        }

        foreach (var (name, _, blocking) in options.WarningLevels().Where(l => l.Warning != 0 && l.Warning >= l.Blocking))
        {
            errors.Add(JsonNames.Of(name), $"must be below the level that acts ({blocking}); null for no warning level.");
        }

        foreach (var (field, value) in Warnings(request).Where(w => w.Value < 1))
        {
            errors.Add(field, "must be at least 1; null for no warning level.");
        }

        return errors;
    }

    private static IEnumerable<(string Field, int? Value)> Numbers(SignallingRulesRequest r) =>
    [
        ("flood_requests", r.FloodRequests), ("flood_window_seconds", r.FloodWindowSeconds), ("ban_seconds", r.BanSeconds),
        ("max_ban_seconds", r.MaxBanSeconds), ("repeat_offence_seconds", r.RepeatOffenceSeconds), ("sweep_distinct_users", r.SweepDistinctUsers),
        ("sweep_window_seconds", r.SweepWindowSeconds), ("auth_failures_per_address", r.AuthFailuresPerAddress),
        ("auth_failure_window_seconds", r.AuthFailureWindowSeconds), ("phone_auth_failures", r.PhoneAuthFailures),
        ("phone_auth_failure_window_seconds", r.PhoneAuthFailureWindowSeconds), ("trusted_threshold_multiplier", r.TrustedThresholdMultiplier),
    ];

    private static IEnumerable<(string Field, int? Value)> Warnings(SignallingRulesRequest r) =>
    [
        ("flood_warning_requests", r.FloodWarningRequests), ("sweep_warning_users", r.SweepWarningUsers),
        ("auth_failures_warning", r.AuthFailuresWarning), ("phone_auth_failures_warning", r.PhoneAuthFailuresWarning),
    ];

    private static void Fill(SignallingRuleSettings row, SignallingRulesRequest r)
    {
        row.FloodRequests = r.FloodRequests!.Value;
        row.FloodWindowSeconds = r.FloodWindowSeconds!.Value;
        row.BanSeconds = r.BanSeconds!.Value;
        row.MaxBanSeconds = r.MaxBanSeconds!.Value;
        row.RepeatOffenceSeconds = r.RepeatOffenceSeconds!.Value;
        row.ScannerPatterns = [.. r.ScannerPatterns!.Select(p => p.Trim())];
        row.SweepDistinctUsers = r.SweepDistinctUsers!.Value;
        row.SweepWindowSeconds = r.SweepWindowSeconds!.Value;
        row.AuthFailuresPerAddress = r.AuthFailuresPerAddress!.Value;
        row.AuthFailureWindowSeconds = r.AuthFailureWindowSeconds!.Value;
        row.PhoneAuthFailures = r.PhoneAuthFailures!.Value;
        row.PhoneAuthFailureWindowSeconds = r.PhoneAuthFailureWindowSeconds!.Value;
        row.TrustedThresholdMultiplier = r.TrustedThresholdMultiplier!.Value;
        row.TrustedAddresses = [.. r.TrustedAddresses!.Select(b => CidrBlock.Parse(b).ToString())];
        row.MonitorRules = [.. r.MonitorRules!.Distinct(StringComparer.Ordinal)];
        row.FloodWarningRequests = r.FloodWarningRequests;
        row.SweepWarningUsers = r.SweepWarningUsers;
        row.AuthFailuresWarning = r.AuthFailuresWarning;
        row.PhoneAuthFailuresWarning = r.PhoneAuthFailuresWarning;
    }
}
