namespace Softswitch.Sdk;

/// <summary>Totals of a report row: calls, refusals, attempts, answers, ASR, ACD, PDD, minutes, and charge, cost and profit.</summary>
public sealed class ReportFigures
{
    public required long Calls { get; init; }

    public required long Refused { get; init; }

    public required long Attempts { get; init; }

    public required long Answered { get; init; }

    public required decimal? Asr { get; init; }

    public required decimal? AcdSeconds { get; init; }

    public required long? PddMilliseconds { get; init; }

    public required decimal Minutes { get; init; }

    public required decimal BilledMinutes { get; init; }

    public required decimal Charge { get; init; }

    public required decimal Cost { get; init; }

    public required decimal Profit { get; init; }
}
