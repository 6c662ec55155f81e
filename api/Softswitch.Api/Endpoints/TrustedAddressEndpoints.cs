using System.Net.Sockets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Hosting;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/trusted-addresses</c>: the tenant's own PBXs and trunks. The switch's anti-fraud signalling layer counts
/// them against higher thresholds and alerts instead of banning them; a change reaches it within 2 seconds. A tenant
/// key may trust no block wider than it may claim for a trunk (<c>Softswitch:Ingress</c>), because a trusted block is
/// trusted for the whole platform.
/// </summary>
public static class TrustedAddressEndpoints
{
    private const string Resource = "trusted address";
    private const int MaxPerTenant = 1_000;

    public static void MapTrustedAddresses(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/trusted-addresses").WithTags("Trusted addresses");
        group.MapGet("", ListAsync).WithName("ListTrustedAddresses").WithSummary("List the tenant's trusted address blocks");
        group.MapGet("/{id}", GetAsync).WithName("GetTrustedAddress").WithSummary("Get a trusted address block");
        group.MapPost("", CreateAsync).WithName("CreateTrustedAddress").WithSummary("Trust an address block (CIDR)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteTrustedAddress").WithSummary("Stop trusting an address block")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<TrustedAddressResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.TrustedAddresses, limit, cursor, SecurityMapping.AsResponse, http);

    private static Task<Results<Ok<TrustedAddressResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.TrustedAddresses, id, Resource, SecurityMapping.AsResponse, http);

    private static async Task<Results<Created<TrustedAddressResponse>, ValidationProblem, UnprocessableProblem, ConflictProblem>> CreateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, TrustedAddressRequest request)
    {
        var errors = new FieldErrors()
            .Required("block", request.Block, TrustedAddress.BlockMaxLength)
            .Optional("description", request.Description, TrustedAddress.DescriptionMaxLength);
        if (!errors.Any && !CidrBlock.TryParse(request.Block, out _))
        {
            errors.Add("block", "is not an IP address or CIDR block.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var block = CidrBlock.Parse(request.Block!);
        var limits = options.Value.Ingress;
        var widest = block.Family == AddressFamily.InterNetwork ? limits.WidestTenantIPv4Prefix : limits.WidestTenantIPv6Prefix;
        if (block.PrefixLength < widest && !TenantAccess.IsPlatform(http))
        {
            return new FieldErrors().Add("block", $"is wider than /{widest}; only the platform operator can trust a wider block.")
                .ToRefusal();
        }

        var canonical = block.ToString();
        if (await db.TrustedAddresses.AnyAsync(t => t.Block == canonical, http.RequestAborted))
        {
            return ApiProblems.Conflict($"{canonical} is already on the trusted list.");
        }

        if (await db.TrustedAddresses.CountAsync(http.RequestAborted) >= MaxPerTenant)
        {
            return new FieldErrors().Add("block", $"would pass the limit of {MaxPerTenant} trusted blocks per tenant.")
                .ToRefusal();
        }

        var trusted = new TrustedAddress { Block = canonical, Description = request.Description };
        db.TrustedAddresses.Add(trusted);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/trusted-addresses/{trusted.Id}", trusted, SecurityMapping.AsResponse);
    }

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.TrustedAddresses, id, Resource, http);
}
