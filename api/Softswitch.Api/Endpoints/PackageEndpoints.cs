using Microsoft.AspNetCore.Http.HttpResults;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/packages</c>: the tenant's package catalogue (VOS3000 2.1.9.07 suites). A subscribed package cannot be deleted.</summary>
public static class PackageEndpoints
{
    private const string Resource = "package";
    private const decimal MaxMoney = 1_000_000_000m;

    public static void MapPackages(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/packages").WithTags("Billing");
        group.MapGet("", ListAsync).WithName("ListPackages").WithSummary("List packages");
        group.MapGet("/{id}", GetAsync).WithName("GetPackage").WithSummary("Get a package");
        group.MapPost("", CreateAsync).WithName("CreatePackage").WithSummary("Create a package")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeletePackage").WithSummary("Delete a package nobody subscribes to")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<PackageResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.Packages, limit, cursor, PackageMapping.AsResponse, http);

    private static Task<Results<Ok<PackageResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.Packages, id, Resource, PackageMapping.AsResponse, http);

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.Packages, id, Resource, http);

    private static async Task<Results<Created<PackageResponse>, ValidationProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, PackageRequest request)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, Package.NameMaxLength)
            .Currency("currency", request.Currency)
            .Range("priority", request.Priority, 0, 1_000)
            .Range("monthly_rent", request.MonthlyRent, 0m, MaxMoney)
            .Range("free_seconds", request.FreeSeconds, 0, 31 * 86_400)
            .Range("free_amount", request.FreeAmount, 0m, MaxMoney)
            .Range("minimum_monthly_spend", request.MinimumMonthlySpend, 0m, MaxMoney);
        if (request.FreePrefixes is { } prefixes)
        {
            if (prefixes.Count > Package.MaxFreePrefixes)
            {
                errors.Add("free_prefixes", $"holds at most {Package.MaxFreePrefixes} prefixes.");
            }

            for (var i = 0; i < Math.Min(prefixes.Count, Package.MaxFreePrefixes); i++)
            {
                errors.Digits($"free_prefixes[{i}]", prefixes[i], Rate.PrefixMaxLength, required: true);
            }
        }

        var from = request.EffectiveFrom is { } given ? RateRules.AsUtc(given) : time.GetUtcNow().UtcDateTime;
        if (request.ExpiresAt is { } expires && RateRules.AsUtc(expires) <= from)
        {
            errors.Add("expires_at", "must be after effective_from.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var package = new Package
        {
            Name = request.Name!.Trim(), Currency = request.Currency!, Priority = request.Priority ?? 100,
            MonthlyRent = Money.Round(request.MonthlyRent ?? 0m), FreeSeconds = request.FreeSeconds ?? 0, FreePrefixes = request.FreePrefixes ?? [],
            FreeAmount = Money.Round(request.FreeAmount ?? 0m), MinimumMonthlySpend = Money.Round(request.MinimumMonthlySpend ?? 0m),
            EffectiveFrom = from, ExpiresAt = request.ExpiresAt is { } end ? RateRules.AsUtc(end) : null,
            AutoRenew = request.AutoRenew ?? true, FailedRenewal = request.FailedRenewal ?? FailedRenewalMode.Suspend,
        };
        db.Packages.Add(package);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/packages/{package.Id}", package, PackageMapping.AsResponse);
    }
}
