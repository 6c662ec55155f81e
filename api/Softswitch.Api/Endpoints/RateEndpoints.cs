using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Hosting;
using Softswitch.Api.Http;
using Softswitch.Api.RateDecks;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/rate-tables/{id}/rates</c>: a rate table's prices per destination prefix, the longest-prefix lookup the
/// switch rates calls with, and the CSV rate-deck import. An unknown rate table is 404 before anything else is checked.
/// </summary>
public static class RateEndpoints
{
    private const string Resource = "rate";
    private const int MaxNumberLength = 64;

    public static void MapRates(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/rate-tables/{id}/rates").WithTags("Rates");
        group.MapGet("", ListAsync).WithName("ListRates").WithSummary("List a rate table's rates");
        group.MapGet("/lookup", LookupAsync).WithName("LookUpRate")
            .WithSummary("Find the longest-prefix rate for a number, effective at a time (default now)");
        group.MapGet("/{rateId}", GetAsync).WithName("GetRate").WithSummary("Get a rate");
        group.MapPost("", CreateAsync).WithName("CreateRate").WithSummary("Create a rate")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/import", ImportAsync).WithName("ImportRateDeck")
            .WithSummary("Import a CSV rate deck (text/csv); all rows are validated first and the deck goes in whole or not at all")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Accepts<string>(RateDeckReader.ContentType)
            .WithMetadata(new RequestSizeLimitAttribute(RateDeckReader.MaxBodyBytes))
            .Produces<RateDeckImportResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{rateId}", UpdateAsync).WithName("UpdateRate").WithSummary("Replace a rate")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{rateId}", DeleteAsync).WithName("DeleteRate").WithSummary("Delete a rate")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<RateResponse>>, ValidationProblem, NotFoundProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, string id, int? limit, string? cursor, string? prefix,
        [FromQuery(Name = "prefix_starts_with")] string? prefixStartsWith, [FromQuery(Name = "effective_at")] DateTime? effectiveAt)
    {
        if (!await RateTableExistsAsync(db, id, http.RequestAborted))
        {
            return RateTableNotFound(id);
        }

        var errors = new FieldErrors()
            .Digits("prefix", prefix, Rate.PrefixMaxLength)
            .Digits("prefix_starts_with", prefixStartsWith, Rate.PrefixMaxLength);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Rates.Where(r => r.RateTableId == id);
        if (!string.IsNullOrEmpty(prefix))
        {
            query = query.Where(r => r.Prefix == prefix);
        }

        if (!string.IsNullOrEmpty(prefixStartsWith))
        {
            query = query.Where(r => r.Prefix.StartsWith(prefixStartsWith));
        }

        if (effectiveAt is { } at)
        {
            query = EffectiveAt(query, RateRules.AsUtc(at));
        }

        return TypedResults.Ok(await query.ToPageAsync(page, RateMapping.AsResponse, http.RequestAborted));
    }

    private static async Task<Results<Ok<RateResponse>, ValidationProblem, NotFoundProblem>> LookupAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, string id, string? number, DateTime? at)
    {
        if (!await RateTableExistsAsync(db, id, http.RequestAborted))
        {
            return RateTableNotFound(id);
        }

        var errors = new FieldErrors().Digits("number", number, MaxNumberLength, required: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // Every leading part of the number is a candidate prefix; the longest one with an effective rate wins.
        var instant = at is { } given ? RateRules.AsUtc(given) : time.GetUtcNow().UtcDateTime;
        var candidates = Enumerable.Range(1, Math.Min(number!.Length, Rate.PrefixMaxLength)).Select(n => number[..n]).ToList();
        var rate = await EffectiveAt(db.Rates.Where(r => r.RateTableId == id && candidates.Contains(r.Prefix)), instant)
            .OrderByDescending(r => r.Prefix.Length)
            .ThenByDescending(r => r.EffectiveFrom)
            .AsNoTracking()
            .FirstOrDefaultAsync(http.RequestAborted);
        if (rate is null)
        {
            return new NotFoundProblem("Not found", $"No rate in rate table '{id}' matches {number} at {instant:O}.");
        }

        ETags.Set(http.Response, rate);
        return TypedResults.Ok(rate.AsResponse());
    }

    private static async Task<Results<Ok<RateResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id, string rateId) =>
        await RateTableExistsAsync(db, id, http.RequestAborted)
            ? await EntityOperations.GetAsync(db.Rates.Where(r => r.RateTableId == id), rateId, Resource, RateMapping.AsResponse, http)
            : RateTableNotFound(id);

    private static async Task<Results<Created<RateResponse>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id, RateRequest request)
    {
        if (!await RateTableExistsAsync(db, id, http.RequestAborted))
        {
            return RateTableNotFound(id);
        }

        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var rate = new Rate { RateTableId = id };
        Apply(rate, request);
        if (await db.Rates.AnyAsync(
                r => r.RateTableId == id && r.Prefix == rate.Prefix && r.EffectiveFrom == rate.EffectiveFrom, http.RequestAborted))
        {
            return Duplicate(rate);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var limit = options.Value.RateTables.MaxRatesPerTable;
        var existing = await RateTableCapacity.LockAndCountAsync(db, id, http.RequestAborted);
        if (existing >= limit)
        {
            return RateTableCapacity.Exceeded(existing, 1, limit);
        }

        db.Rates.Add(rate);
        await db.SaveChangesAsync(http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/rate-tables/{id}/rates/{rate.Id}", rate, RateMapping.AsResponse);
    }

    private static async Task<Results<Ok<RateResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(SoftswitchDbContext db, HttpContext http, string id, string rateId, RateRequest request)
    {
        var (rate, failure) = await LoadForUpdateAsync(db, http, id, rateId);
        if (rate is null)
        {
            return failure!;
        }

        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        Apply(rate, request);
        if (await db.Rates.AnyAsync(
                r => r.RateTableId == id && r.Id != rateId && r.Prefix == rate.Prefix && r.EffectiveFrom == rate.EffectiveFrom,
                http.RequestAborted))
        {
            return Duplicate(rate);
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Updated(http, rate, RateMapping.AsResponse);
    }

    private static async Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id, string rateId)
    {
        var (rate, failure) = await LoadForUpdateAsync(db, http, id, rateId);
        if (rate is null)
        {
            return failure!;
        }

        db.Rates.Remove(rate);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RateDeckImportResponse>, InputProblem, NotFoundProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem, UnprocessableProblem>> ImportAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, IOptions<SoftswitchOptions> options, string id, string? mode)
    {
        if (!await RateTableExistsAsync(db, id, http.RequestAborted))
        {
            return RateTableNotFound(id);
        }

        if (!RateDeckReader.IsCsv(http.Request.ContentType))
        {
            return new UnsupportedMediaTypeProblem(
                "Unsupported media type",
                $"Send the rate deck as 'Content-Type: {RateDeckReader.ContentType}' (UTF-8), with a header line naming the columns.");
        }

        if (!RateDeckImportModes.TryParse(mode, out var importMode))
        {
            return InputProblem.Fields(ApiProblems.Invalid("mode", "must be append (the default) or replace."));
        }

        if (http.Request.ContentLength > RateDeckReader.MaxBodyBytes)
        {
            return TooLarge(Math.Min(RateDeckReader.MaxRows, options.Value.RateTables.MaxRatesPerTable));
        }

        // Rows without effective_from take effect from the start of today (UTC).
        var today = time.GetUtcNow().UtcDateTime.Date;
        var maxRates = options.Value.RateTables.MaxRatesPerTable;
        var maxRows = Math.Min(RateDeckReader.MaxRows, maxRates);
        RateDeck deck;
        try
        {
            deck = await new RateDeckReader(today, maxRows).ReadAsync(http.Request.Body, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxRows);
        }

        if (deck.TooManyRows)
        {
            return TooLarge(maxRows);
        }

        if (deck.Faults.Any)
        {
            return deck.Faults.ToProblem(http);
        }

        var result = await new RateDeckImporter(db, time).ImportAsync(id, deck, importMode, maxRates, http.RequestAborted);
        if (result.OverCapacity)
        {
            return RateTableCapacity.Exceeded(result.Existing, deck.Rows.Count, maxRates);
        }

        return result.Faults is { } clashes
            ? clashes.ToProblem(http)
            : TypedResults.Ok(new RateDeckImportResponse(result.Imported, result.Replaced));
    }

    /// <summary>Rates in effect at <paramref name="utc"/>: the same rule as <see cref="Rate.IsEffectiveAt"/>, in SQL.</summary>
    private static IQueryable<Rate> EffectiveAt(IQueryable<Rate> rates, DateTime utc) =>
        rates.Where(r => r.EffectiveFrom <= utc && (r.EffectiveTo == null || utc < r.EffectiveTo));

    private static Task<bool> RateTableExistsAsync(SoftswitchDbContext db, string id, CancellationToken cancellationToken) =>
        db.RateTables.AnyAsync(t => t.Id == id, cancellationToken);

    private static NotFoundProblem RateTableNotFound(string id) => ApiProblems.NotFound("rate table", id);

    /// <summary>Loads a rate of the rate table for a change, answering 404 or 412 when it is missing or If-Match is stale.</summary>
    private static async Task<(Rate? Rate, MissingOrStale? Failure)> LoadForUpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, string rateId)
    {
        if (!await RateTableExistsAsync(db, id, http.RequestAborted))
        {
            return (null, MissingOrStale.Missing(RateTableNotFound(id)));
        }

        var rate = await db.Rates.SingleOrDefaultAsync(r => r.Id == rateId && r.RateTableId == id, http.RequestAborted);
        if (rate is null)
        {
            return (null, MissingOrStale.Missing(ApiProblems.NotFound(Resource, rateId)));
        }

        return ETags.IfMatchHolds(http.Request, rate)
            ? (rate, null)
            : (null, MissingOrStale.Stale(ApiProblems.PreconditionFailed(rate.Version)));
    }

    private static FieldErrors Validate(RateRequest request)
    {
        var errors = new FieldErrors()
            .Digits("prefix", request.Prefix, Rate.PrefixMaxLength, required: true)
            .Optional("description", request.Description, Rate.DescriptionMaxLength)
            .Range("price_per_minute", request.PricePerMinute, 0m, RateRules.MaxPrice)
            .Range("first_increment_seconds", request.FirstIncrementSeconds, RateRules.MinIncrementSeconds, RateRules.MaxIncrementSeconds)
            .Range("next_increment_seconds", request.NextIncrementSeconds, RateRules.MinIncrementSeconds, RateRules.MaxIncrementSeconds)
            .Range("connect_fee", request.ConnectFee, 0m, RateRules.MaxPrice);
        if (request.PricePerMinute is null)
        {
            errors.Add("price_per_minute", "is required.");
        }

        if (request.EffectiveFrom is not { } from)
        {
            errors.Add("effective_from", "is required.");
        }
        else if (request.EffectiveTo is { } to && RateRules.AsUtc(to) <= RateRules.AsUtc(from))
        {
            errors.Add("effective_to", "must be after effective_from.");
        }

        return errors;
    }

    private static void Apply(Rate rate, RateRequest request)
    {
        rate.Prefix = request.Prefix!;
        rate.Description = request.Description;
        rate.PricePerMinute = request.PricePerMinute!.Value;
        rate.FirstIncrementSeconds = request.FirstIncrementSeconds ?? RateRules.DefaultIncrementSeconds;
        rate.NextIncrementSeconds = request.NextIncrementSeconds ?? RateRules.DefaultIncrementSeconds;
        rate.ConnectFee = request.ConnectFee ?? 0m;
        rate.EffectiveFrom = RateRules.AsUtc(request.EffectiveFrom!.Value);
        rate.EffectiveTo = request.EffectiveTo is { } to ? RateRules.AsUtc(to) : null;
    }

    private static ConflictProblem Duplicate(Rate rate) =>
        ApiProblems.Conflict(
            $"A rate for prefix '{rate.Prefix}' effective from {rate.EffectiveFrom:O} already exists in this rate table.");

    /// <param name="maxRows">The smaller of the per-import row limit and the rate table's capacity.</param>
    private static PayloadTooLargeProblem TooLarge(int maxRows) =>
        new("Payload too large", $"A rate deck is at most {RateDeckReader.MaxBodyBytes:N0} bytes and {maxRows:N0} rows; split it.");
}
