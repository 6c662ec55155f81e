using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/scanner-destinations</c>: the numbers banned scanners dialled (platform-wide). Every key may list them, to
/// see what a <c>scanner_destinations</c> fraud rule blocks; only the platform admin sees the scanners' addresses and
/// forgets a number, which the switch stops honouring within 2 seconds.
/// </summary>
public static class ScannerDestinationEndpoints
{
    private const string Resource = "scanner destination";

    public static void MapScannerDestinations(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/scanner-destinations").WithTags("Scanner destinations");
        group.MapGet("", ListAsync).WithName("ListScannerDestinations")
            .WithSummary("List the numbers banned scanners dialled (source addresses for the platform admin only)");
        group.MapDelete("/{number}", ForgetAsync).WithName("ForgetScannerDestination")
            .WithSummary("Forget a number, a false positive, so no tenant's rule blocks it any more (platform admin)")
            .RequireAuthorization(AuthRegistration.PlatformPolicy)
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<ScannerDestinationResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, string? number)
    {
        var errors = new FieldErrors().Digits("number", number, ScannerDestination.NumberMaxLength);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.ScannerDestinations.Where(d => d.ForgottenAt == null);
        if (!string.IsNullOrEmpty(number))
        {
            query = query.Where(d => d.Number == number);
        }

        var withSource = ApiCaller.From(http.User).IsPlatform;
        return TypedResults.Ok(await query.ToPageAsync(page, d => d.AsResponse(withSource), http.RequestAborted));
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> ForgetAsync(
        SoftswitchDbContext db, TimeProvider time, HttpContext http, string number)
    {
        var errors = new FieldErrors().Digits("number", number, ScannerDestination.NumberMaxLength, required: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var row = await db.ScannerDestinations.SingleOrDefaultAsync(d => d.Number == number && d.ForgottenAt == null, http.RequestAborted);
        if (row is null)
        {
            return ApiProblems.NotFound(Resource, number);
        }

        row.ForgottenAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }
}
