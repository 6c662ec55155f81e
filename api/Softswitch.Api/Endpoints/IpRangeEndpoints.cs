using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Geofencing;
using Softswitch.Api.Hosting;
using Softswitch.Api.Http;
using Softswitch.Api.RateDecks;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/ip-range-sets/{id}/ranges</c>: a set's ranges, one by one (CIDR, or start and count), from a CSV file, or
/// from an operator-supplied MaxMind-format database (the networks of chosen countries). Imports go in whole or not
/// at all; a set and a tenant hold at most <c>Softswitch:Geofencing:MaxRangesPerSet</c> and <c>MaxRangesPerTenant</c>
/// ranges. An unknown set is 404 before anything else is checked.
/// </summary>
public static class IpRangeEndpoints
{
    public const string MaxMindContentType = "application/octet-stream";

    private const string Resource = "IP range";
    private const int MaxCountries = 300;

    public static void MapIpRanges(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/ip-range-sets/{id}/ranges").WithTags("Geofencing");
        group.MapGet("", ListAsync).WithName("ListIpRanges").WithSummary("List a set's ranges");
        group.MapGet("/{rangeId}", GetAsync).WithName("GetIpRange").WithSummary("Get a range");
        group.MapPost("", CreateAsync).WithName("CreateIpRange").WithSummary("Add a range (cidr, or start and count)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/import", ImportCsvAsync).WithName("ImportIpRanges")
            .WithSummary("Import ranges from CSV (text/csv; columns cidr, or start and count); every row is validated first")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Accepts<string>(RateDeckReader.ContentType)
            .WithMetadata(new RequestSizeLimitAttribute(RateDeckReader.MaxBodyBytes))
            .Produces<IpRangeImportResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/import-maxmind", ImportMaxMindAsync).WithName("ImportIpRangesFromMaxMind")
            .WithSummary("Import the networks of chosen countries (countries=US,CA) from a MaxMind-format .mmdb file sent as the body")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Accepts<byte[]>(MaxMindContentType)
            .WithMetadata(new RequestSizeLimitAttribute(1L << 30));
        group.MapDelete("/{rangeId}", DeleteAsync).WithName("DeleteIpRange").WithSummary("Delete a range")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<IpRangeResponse>>, ValidationProblem, NotFoundProblem>> ListAsync(SoftswitchDbContext db, HttpContext http, string id, int? limit, string? cursor)
    {
        if (!await db.IpRangeSets.AnyAsync(s => s.Id == id, http.RequestAborted))
        {
            return SetNotFound(id);
        }

        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        return errors.Any
            ? errors.ToProblem()
            : TypedResults.Ok(await db.IpRanges.Where(r => r.IpRangeSetId == id).ToPageAsync(page, GeofencingMapping.AsResponse, http.RequestAborted));
    }

    private static async Task<Results<Ok<IpRangeResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id, string rangeId) =>
        await db.IpRangeSets.AnyAsync(s => s.Id == id, http.RequestAborted)
            ? await EntityOperations.GetAsync(db.IpRanges.Where(r => r.IpRangeSetId == id), rangeId, Resource, GeofencingMapping.AsResponse, http)
            : SetNotFound(id);

    private static async Task<Results<Created<IpRangeResponse>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> CreateAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, IOptions<SoftswitchOptions> options, string id, IpRangeRequest request)
    {
        var set = await db.IpRangeSets.SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted);
        if (set is null)
        {
            return SetNotFound(id);
        }

        if (Parse(request, out var errors) is not { } range)
        {
            return errors.ToProblem();
        }

        var written = await new IpRangeWriter(db, time, options.Value.Geofencing).WriteAsync(set, [range], replace: false, http.RequestAborted);
        if (written.OverCapacity is { } full)
        {
            return full;
        }

        var row = written.Written[0];
        return EntityOperations.Created(http, $"/v1/ip-range-sets/{id}/ranges/{row.Id}", row, GeofencingMapping.AsResponse);
    }

    private static async Task<Results<Ok<IpRangeImportResponse>, InputProblem, NotFoundProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem, UnprocessableProblem>> ImportCsvAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, IOptions<SoftswitchOptions> options, string id, string? mode)
    {
        var set = await db.IpRangeSets.SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted);
        if (set is null)
        {
            return SetNotFound(id);
        }

        if (!RateDeckReader.IsCsv(http.Request.ContentType))
        {
            return UnsupportedMediaType($"Send the ranges as 'Content-Type: {RateDeckReader.ContentType}' (UTF-8) with a header line naming the columns.");
        }

        if (!RateDeckImportModes.TryParse(mode, out var importMode))
        {
            return InputProblem.Fields(ApiProblems.Invalid("mode", "must be append (the default) or replace."));
        }

        var limits = options.Value.Geofencing;
        IpRangeCsv csv;
        try
        {
            csv = await new IpRangeCsvReader(limits.MaxRangesPerSet).ReadAsync(http.Request.Body, RateDeckReader.MaxBodyBytes, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge($"A CSV import is at most {RateDeckReader.MaxBodyBytes:N0} bytes and {limits.MaxRangesPerSet:N0} rows.");
        }

        if (csv.TooManyRows)
        {
            return TooLarge($"A set holds at most {limits.MaxRangesPerSet:N0} ranges.");
        }

        if (csv.Faults.Any)
        {
            return csv.Faults.ToProblem(http, "The range file has invalid rows.");
        }

        return await WriteAsync(db, time, limits, set, csv.Ranges, importMode == RateDeckImportMode.Replace, http);
    }

    private static async Task<Results<Ok<IpRangeImportResponse>, InputProblem, NotFoundProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem, UnprocessableProblem>> ImportMaxMindAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, IOptions<SoftswitchOptions> options, string id, string? countries, string? mode)
    {
        var set = await db.IpRangeSets.SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted);
        if (set is null)
        {
            return SetNotFound(id);
        }

        if (!string.Equals(http.Request.ContentType, MaxMindContentType, StringComparison.OrdinalIgnoreCase))
        {
            return UnsupportedMediaType($"Send the .mmdb file as the body with 'Content-Type: {MaxMindContentType}'.");
        }

        var errors = new FieldErrors();
        var codes = (countries ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (codes.Count == 0 || codes.Count > MaxCountries || codes.Any(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("countries", $"must list 1 to {MaxCountries} ISO 3166-1 alpha-2 country codes, comma-separated (e.g. US,CA).");
        }

        if (!RateDeckImportModes.TryParse(mode, out var importMode))
        {
            errors.Add("mode", "must be append (the default) or replace.");
        }

        if (errors.Any)
        {
            return InputProblem.Fields(errors.ToProblem());
        }

        var limits = options.Value.Geofencing;
        if (http.Request.ContentLength > limits.MaxDatabaseBytes)
        {
            return TooLarge($"A MaxMind database is at most {limits.MaxDatabaseBytes:N0} bytes here (Softswitch:Geofencing:MaxDatabaseBytes).");
        }

        using var database = new MemoryStream();
        try
        {
            await new SizeLimitedStream(http.Request.Body, limits.MaxDatabaseBytes).CopyToAsync(database, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge($"A MaxMind database is at most {limits.MaxDatabaseBytes:N0} bytes here (Softswitch:Geofencing:MaxDatabaseBytes).");
        }

        database.Position = 0;
        List<AddressRange> ranges;
        bool tooMany;
        try
        {
            ranges = MaxMindNetworks.Select(database, codes, limits.MaxRangesPerSet, out tooMany);
        }
        catch (MaxMind.Db.InvalidDatabaseException e)
        {
            return InputProblem.Fields(ApiProblems.Invalid("body", $"is not a MaxMind DB file: {e.Message}"));
        }

        if (tooMany)
        {
            return TooLarge($"The chosen countries have more than {limits.MaxRangesPerSet:N0} networks, the most a set holds.");
        }

        return await WriteAsync(db, time, limits, set, ranges, importMode == RateDeckImportMode.Replace, http);
    }

    private static async Task<Results<NoContent, NotFoundProblem, PreconditionFailedProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, IOptions<SoftswitchOptions> options, string id, string rangeId)
    {
        var set = await db.IpRangeSets.SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted);
        if (set is null)
        {
            return SetNotFound(id);
        }

        var range = await db.IpRanges.SingleOrDefaultAsync(r => r.Id == rangeId && r.IpRangeSetId == id, http.RequestAborted);
        if (range is null)
        {
            return ApiProblems.NotFound(Resource, rangeId);
        }

        if (!ETags.IfMatchHolds(http.Request, range))
        {
            return ApiProblems.PreconditionFailed(range.Version);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        db.IpRanges.Remove(range);
        await db.SaveChangesAsync(http.RequestAborted);
        await new IpRangeWriter(db, time, options.Value.Geofencing).RecountAsync(set, http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IpRangeImportResponse>, InputProblem, NotFoundProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem, UnprocessableProblem>> WriteAsync(
        SoftswitchDbContext db, TimeProvider time, GeofencingOptions limits, IpRangeSet set, IReadOnlyList<AddressRange> ranges, bool replace, HttpContext http)
    {
        var written = await new IpRangeWriter(db, time, limits).WriteAsync(set, ranges, replace, http.RequestAborted);
        return written.OverCapacity is { } full
            ? full
            : TypedResults.Ok(new IpRangeImportResponse(written.Written.Count, written.Replaced));
    }

    private static AddressRange? Parse(IpRangeRequest request, out FieldErrors errors)
    {
        errors = new FieldErrors();
        if (request.Cidr is { } cidr)
        {
            if (request.Start is not null || request.Count is not null)
            {
                errors.Add("cidr", "give either cidr, or start and count, not both.");
            }
            else if (cidr.Contains('+', StringComparison.Ordinal) || !AddressRange.TryParse(cidr, out var block))
            {
                errors.Add("cidr", "is not an IP address or CIDR block (host bits must be zero).");
            }
            else
            {
                return block;
            }

            return null;
        }

        if (request.Start is null || request.Count is null)
        {
            errors.Add("cidr", "is required, unless start and count are given.");
            return null;
        }

        if (request.Count < 1)
        {
            errors.Add("count", "must be at least 1.");
            return null;
        }

        if (!System.Net.IPAddress.TryParse(request.Start, out _) || !AddressRange.TryParse($"{request.Start}+{request.Count}", out var counted))
        {
            errors.Add("start", "with count is not a range: start must be an IP address, and start + count must stay within its address family.");
            return null;
        }

        return counted;
    }

    private static NotFoundProblem SetNotFound(string id) => ApiProblems.NotFound("IP range set", id);

    private static UnsupportedMediaTypeProblem UnsupportedMediaType(string detail) => new("Unsupported media type", detail);

    private static PayloadTooLargeProblem TooLarge(string detail) => new("Payload too large", detail);
}
