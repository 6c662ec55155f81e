namespace Softswitch.Sdk;

/// <summary>The working time of an outside_working_hours rule; <see cref="TimeZone"/> defaults to UTC.</summary>
public sealed class WorkCalendarOptions
{
    public required IReadOnlyList<DayOfWeek> Days { get; init; }

    public required string Start { get; init; }

    public required string End { get; init; }

    public string? TimeZone { get; init; }
}
