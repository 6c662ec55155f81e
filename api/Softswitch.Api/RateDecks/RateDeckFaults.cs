using Microsoft.AspNetCore.Http.HttpResults;

namespace Softswitch.Api.RateDecks;

/// <summary>
/// The faults found in a rate deck, keyed <c>row N</c> by the 1-based line in the file (the header is row 1).
/// Every fault is counted; the first <see cref="MaxReported"/> are reported.
/// </summary>
public sealed class RateDeckFaults
{
    public const int MaxReported = 100;

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

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            reported.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            detail: Count > reportedCount
                ? $"{Count} faults found; the first {reportedCount} are listed. Nothing was imported."
                : $"{Count} fault(s) found. Nothing was imported.",
            title: "The rate deck has invalid rows.");
}
