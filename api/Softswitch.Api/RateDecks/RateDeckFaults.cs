using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Softswitch.Api.Http;

namespace Softswitch.Api.RateDecks;

/// <summary>
/// The faults found in a rate deck, keyed <c>row N</c> by the 1-based line in the file (the header is row 1).
/// Every fault is counted; the first <see cref="MaxReported"/> are reported.
/// </summary>
public sealed class RateDeckFaults
{
    public const int MaxReported = 100;

    // The API's JSON options snake_case dictionary keys, which would turn "row 17" into "row_17".
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> VerbatimKeys = new();

    private readonly Dictionary<string, List<string>> reported = new(StringComparer.Ordinal);
    private int reportedCount;

    public int Count { get; private set; }

    public bool Any => Count > 0;

    public static string KeyOf(int line) => $"row {line}";

    public void Add(int line, string message)
    {
        Count++;
        if (reportedCount == MaxReported)
        {
            return;
        }

        reportedCount++;
        var key = KeyOf(line);
        if (!reported.TryGetValue(key, out var messages))
        {
            reported[key] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>
    /// A 400 validation problem like every other in the API (same customisation, so <c>instance</c> and <c>trace_id</c>
    /// are there), except that the <c>row N</c> keys are written as they are.
    /// </summary>
    public InputProblem ToProblem(HttpContext http, string title = "The rate deck has invalid rows.")
    {
        var problem = new HttpValidationProblemDetails(
            reported.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal))
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Title = title,
            Status = StatusCodes.Status400BadRequest,
            Detail = Count > reportedCount
                ? $"{Count} faults found; the first {reportedCount} are listed. Nothing was imported."
                : $"{Count} fault(s) found. Nothing was imported.",
        };
        var services = http.RequestServices;
        services.GetRequiredService<IOptions<ProblemDetailsOptions>>().Value.CustomizeProblemDetails?.Invoke(
            new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var options = VerbatimKeys.GetValue(json, o => new JsonSerializerOptions(o) { DictionaryKeyPolicy = null });
        return InputProblem.Rows(TypedResults.Json(problem, options, "application/problem+json", StatusCodes.Status400BadRequest));
    }
}
