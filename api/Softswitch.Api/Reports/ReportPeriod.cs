using Softswitch.Api.Contracts;
using Softswitch.Api.Http;

namespace Softswitch.Api.Reports;

/// <summary>A report's period: whole UTC hours, <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
public readonly record struct ReportPeriod(DateTime From, DateTime To)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);

    /// <summary>Rollups are hourly; a year of hours is the longest period one request may ask for.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(366);

    public static ReportPeriod Parse(ReportQuery query, DateTimeOffset now, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var to = query.To is { } t ? RateRules.AsUtc(t) : StartOfHour(now.UtcDateTime).AddHours(1);
        var from = query.From is { } f ? RateRules.AsUtc(f) : to - DefaultSpan;
        WholeHour(errors, "from", from);
        WholeHour(errors, "to", to);
        if (to <= from)
        {
            errors.Add("to", "must be later than from.");
        }
        else if (to - from > MaxSpan)
        {
            errors.Add("to", $"must be at most {MaxSpan.TotalDays} days after from.");
        }

        return new ReportPeriod(from, to);
    }

    public static DateTime StartOfHour(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    private static void WholeHour(FieldErrors errors, string field, DateTime value)
    {
        if (value.Ticks % TimeSpan.TicksPerHour != 0)
        {
            errors.Add(field, "must be a whole UTC hour (reports are kept per hour).");
        }
    }
}
