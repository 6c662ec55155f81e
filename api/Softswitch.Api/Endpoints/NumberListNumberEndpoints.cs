using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Hosting;
using Softswitch.Api.Http;
using Softswitch.Api.NumberLists;
using Softswitch.Api.RateDecks;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/number-lists/{id}/numbers</c>: a list's full numbers. Add or remove up to 10,000 at a time as JSON, import
/// a CSV (<c>text/csv</c>, header <c>number</c>; <c>mode=append</c> or <c>replace</c>) of up to the tenant's limit,
/// export them as CSV, or page through them in ascending order. An unknown list is 404 before anything else.
/// </summary>
public static class NumberListNumberEndpoints
{
    private const int MaxPerRequest = 10_000;

    public static void MapNumberListNumbers(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/number-lists/{id}/numbers").WithTags("Number lists");
        group.MapGet("", ListAsync).WithName("ListNumberListNumbers").WithSummary("Page through a list's numbers in ascending order");
        group.MapGet("/export", ExportAsync).WithName("ExportNumberListNumbers").WithSummary("Export a list's numbers as CSV (header: number)")
            .Produces<string>(StatusCodes.Status200OK, NumberCsvContentType);
        group.MapPost("", AddAsync).WithName("AddNumberListNumbers").WithSummary("Add numbers to a list (at most 10,000 a request)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/remove", RemoveAsync).WithName("RemoveNumberListNumbers").WithSummary("Remove numbers from a list (at most 10,000 a request)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/import", ImportAsync).WithName("ImportNumberListNumbers")
            .WithSummary("Import numbers from CSV (text/csv, header naming a number column); every row is checked first, and the file goes in whole or not at all")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Accepts<string>(NumberCsvContentType)
            .WithMetadata(new RequestSizeLimitAttribute(NumberCsvReader.MaxBodyBytes))
            .Produces<NumbersChangeResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private const string NumberCsvContentType = RateDeckReader.ContentType;

    private static async Task<Results<Ok<Page<ListedNumberResponse>>, ValidationProblem, NotFoundProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id, int? limit, string? cursor,
        [FromQuery(Name = "starts_with")] string? startsWith)
    {
        if (await FindAsync(db, id, http.RequestAborted) is not { } list)
        {
            return NotFound(id);
        }

        var errors = new FieldErrors().Digits("starts_with", startsWith, NumberKey.MaxDigits);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var keys = await Editor(db, options).ReadAsync(list, http.RequestAborted);
        var after = page.AfterId is { } last && NumberKey.TryEncode(last, out var lastKey) ? lastKey : 0UL;
        var start = Array.BinarySearch(keys, after);
        start = start >= 0 ? start + 1 : ~start;
        var numbers = keys.Skip(start).Select(NumberKey.Decode)
            .Where(n => startsWith is null || n.StartsWith(startsWith, StringComparison.Ordinal))
            .Take(page.Limit + 1)
            .ToList();
        var more = numbers.Count > page.Limit;
        var data = numbers.Take(page.Limit).Select(n => new ListedNumberResponse(n)).ToList();
        return TypedResults.Ok(new Page<ListedNumberResponse>(data, more, more ? PageRequest.Encode(data[^1].Number) : null));
    }

    private static async Task<Results<ContentHttpResult, NotFoundProblem>> ExportAsync(SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id)
    {
        if (await FindAsync(db, id, http.RequestAborted) is not { } list)
        {
            return NotFound(id);
        }

        var keys = await Editor(db, options).ReadAsync(list, http.RequestAborted);
        var csv = new StringBuilder("number\n", 16 * (keys.Length + 1));
        foreach (var key in keys)
        {
            csv.Append(NumberKey.Decode(key)).Append('\n');
        }

        return TypedResults.Text(csv.ToString(), NumberCsvContentType, Encoding.UTF8);
    }

    private static Task<Results<Ok<NumbersChangeResponse>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> AddAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id, NumbersRequest request) =>
        ChangeAsync(db, http, options, id, request, (existing, keys) => NumberListEditor.Merge(existing, keys));

    private static Task<Results<Ok<NumbersChangeResponse>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> RemoveAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id, NumbersRequest request) =>
        ChangeAsync(db, http, options, id, request, (existing, keys) =>
        {
            var removed = keys.ToHashSet();
            return [.. existing.Where(k => !removed.Contains(k))];
        });

    private static async Task<Results<Ok<NumbersChangeResponse>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> ChangeAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id, NumbersRequest request,
        Func<ulong[], List<ulong>, ulong[]> change)
    {
        if (await FindAsync(db, id, http.RequestAborted, track: true) is not { } list)
        {
            return NotFound(id);
        }

        var errors = new FieldErrors();
        var keys = new List<ulong>();
        if (request.Numbers is not { Count: > 0 and <= MaxPerRequest } numbers)
        {
            return errors.Add("numbers", $"needs 1 to {MaxPerRequest} numbers.").ToProblem();
        }

        for (var i = 0; i < numbers.Count; i++)
        {
            if (NumberKey.TryEncode(numbers[i] ?? "", out var key))
            {
                keys.Add(key);
            }
            else
            {
                errors.Add($"numbers[{i}]", $"must be 1 to {NumberKey.MaxDigits} digits (a leading '+' is allowed).");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var editor = Editor(db, options);
        var existing = await editor.ReadAsync(list, http.RequestAborted);
        var changed = change(existing, keys);
        if (await SaveAsync(editor, list, changed, http) is { } full)
        {
            return full;
        }

        return Changed(http, list, Math.Abs(changed.Length - existing.Length));
    }

    private static async Task<Results<Ok<NumbersChangeResponse>, InputProblem, NotFoundProblem, UnsupportedMediaTypeProblem, PayloadTooLargeProblem, UnprocessableProblem>> ImportAsync(
        SoftswitchDbContext db, HttpContext http, IOptions<SoftswitchOptions> options, string id, string? mode)
    {
        if (await FindAsync(db, id, http.RequestAborted, track: true) is not { } list)
        {
            return NotFound(id);
        }

        if (!RateDeckReader.IsCsv(http.Request.ContentType))
        {
            return new UnsupportedMediaTypeProblem(
                "Unsupported media type",
                $"Send the numbers as 'Content-Type: {NumberCsvContentType}' (UTF-8), with a header line naming a number column.");
        }

        if (mode is not (null or "append" or "replace"))
        {
            return InputProblem.Fields(ApiProblems.Invalid("mode", "must be append (the default) or replace."));
        }

        var editor = Editor(db, options);
        var room = await editor.RoomForAsync(list, http.RequestAborted);
        NumberCsv csv;
        try
        {
            csv = await new NumberCsvReader(room).ReadAsync(http.Request.Body, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(room);
        }

        if (csv.TooManyRows)
        {
            return TooLarge(room);
        }

        if (csv.Faults.Any)
        {
            return csv.Faults.ToProblem(http, "The numbers file has invalid rows.");
        }

        var existing = mode == "replace" ? [] : await editor.ReadAsync(list, http.RequestAborted);
        var merged = NumberListEditor.Merge(existing, csv.Keys);
        if (await SaveAsync(editor, list, merged, http) is { } full)
        {
            return full;
        }

        return Changed(http, list, merged.Length - existing.Length);
    }

    /// <summary>Saves the list's new numbers, unless the tenant's lists have no room for them.</summary>
    private static async Task<UnprocessableProblem?> SaveAsync(NumberListEditor editor, NumberList list, ulong[] numbers, HttpContext http)
    {
        var room = await editor.RoomForAsync(list, http.RequestAborted);
        if (numbers.Length > room)
        {
            return new FieldErrors()
                .Add("numbers", $"the list would hold {numbers.Length:N0} numbers; the tenant's lists have room for {room:N0} here (Softswitch:NumberLists:MaxNumbersPerTenant).")
                .ToRefusal();
        }

        await editor.SaveAsync(list, numbers, http.RequestAborted);
        return null;
    }

    private static Ok<NumbersChangeResponse> Changed(HttpContext http, NumberList list, int changed)
    {
        ETags.Set(http.Response, list);
        return TypedResults.Ok(new NumbersChangeResponse(changed, list.NumberCount));
    }

    private static async Task<NumberList?> FindAsync(SoftswitchDbContext db, string id, CancellationToken cancellationToken, bool track = false)
    {
        var lists = track ? db.NumberLists : db.NumberLists.AsNoTracking();
        return await lists.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
    }

    private static NumberListEditor Editor(SoftswitchDbContext db, IOptions<SoftswitchOptions> options) =>
        new(db, options.Value.NumberLists.MaxNumbersPerTenant);

    private static NotFoundProblem NotFound(string id) => ApiProblems.NotFound(NumberListEndpoints.Resource, id);

    private static PayloadTooLargeProblem TooLarge(int room) =>
        new("Payload too large",
            $"A number import is at most {NumberCsvReader.MaxBodyBytes:N0} bytes, and this list has room for {room:N0} numbers.");
}
