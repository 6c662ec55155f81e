using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/number-settings</c>: the tenant's home country (what "international" means) and its high-risk prefix set.
/// A tenant that never set them reads the defaults: no home country, <see cref="DefaultHighRiskPrefixes"/>.
/// </summary>
public static class NumberSettingsEndpoints
{
    public static void MapNumberSettings(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/number-settings").WithTags("Number settings");
        group.MapGet("", GetAsync).WithName("GetNumberSettings").WithSummary("Get the tenant's home country and high-risk prefixes");
        group.MapPut("", PutAsync).WithName("UpdateNumberSettings").WithSummary("Replace the tenant's home country and high-risk prefixes")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Ok<NumberSettingsResponse>> GetAsync(SoftswitchDbContext db, HttpContext http)
    {
        var settings = await db.NumberSettings.AsNoTracking().SingleOrDefaultAsync(http.RequestAborted) ?? new NumberSettings();
        ETags.Set(http.Response, settings);
        return TypedResults.Ok(settings.AsResponse());
    }

    private static async Task<Results<Ok<NumberSettingsResponse>, ValidationProblem, PreconditionFailedProblem>> PutAsync(SoftswitchDbContext db, HttpContext http, NumberSettingsRequest request)
    {
        var errors = new FieldErrors().NumberPrefixes("high_risk_prefixes", request.HighRiskPrefixes, NumberSettings.MaxHighRiskPrefixes);
        if (request.HomeCountry is { } country && (country.Length != 2 || !NumberMetadata.IsKnownRegion(country)))
        {
            errors.Add("home_country", "must be an ISO 3166-1 alpha-2 country code libphonenumber knows, e.g. US or GB.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var settings = await db.NumberSettings.SingleOrDefaultAsync(http.RequestAborted);
        if (!ETags.IfMatchHolds(http.Request, settings ?? new NumberSettings()))
        {
            return ApiProblems.PreconditionFailed(settings?.Version ?? 0);
        }

        if (settings is null)
        {
            settings = new NumberSettings();
            db.NumberSettings.Add(settings);
        }

        settings.HomeCountry = request.HomeCountry?.ToUpperInvariant();
        settings.HighRiskPrefixes = request.HighRiskPrefixes is null ? [.. DefaultHighRiskPrefixes.All] : NumberRuleMapping.Digits(request.HighRiskPrefixes);
        await db.SaveChangesAsync(http.RequestAborted);
        ETags.Set(http.Response, settings);
        return TypedResults.Ok(settings.AsResponse());
    }
}
