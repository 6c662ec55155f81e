namespace Softswitch.Sdk;

/// <summary>Working time of an outside_working_hours rule: weekdays, <c>HH:mm</c> local start and end (an end before the start runs past midnight) and an IANA time zone.</summary>
public sealed class WorkCalendar
{
    public required IReadOnlyList<DayOfWeek> Days { get; init; }

    public required string Start { get; init; }

    public required string End { get; init; }

    public required string TimeZone { get; init; }
}
