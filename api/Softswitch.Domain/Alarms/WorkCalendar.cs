namespace Softswitch.Domain;

/// <summary>
/// An account's working time: weekdays, a start and end (minutes after local midnight; an end before the start runs
/// past midnight) and an IANA time zone. Time is working when its local weekday is listed and its local time of day is
/// in [start, end).
/// </summary>
public sealed class WorkCalendar
{
    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public int StartMinute { get; set; } = 9 * 60;

    public int EndMinute { get; set; } = 18 * 60;

    public string TimeZone { get; set; } = "UTC";

    public bool IsWorkingTime(DateTime utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var minute = (int)local.TimeOfDay.TotalMinutes;
        if (StartMinute <= EndMinute)
        {
            return Days.Contains(local.DayOfWeek) && minute >= StartMinute && minute < EndMinute;
        }

        // A night shift: the part after midnight belongs to the previous day's shift.
        return (Days.Contains(local.DayOfWeek) && minute >= StartMinute)
            || (Days.Contains(local.AddDays(-1).DayOfWeek) && minute < EndMinute);
    }

    public static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
