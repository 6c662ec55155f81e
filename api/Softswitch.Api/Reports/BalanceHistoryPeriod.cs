using Softswitch.Api.Contracts;
using Softswitch.Api.Http;

namespace Softswitch.Api.Reports;

/// <summary>
/// The intervals of a balance history: whole UTC hours or days from <see cref="From"/> (inclusive) to <see cref="To"/>
/// (exclusive). Each interval costs one query whatever the ledger's length, so their number is bounded.
/// </summary>
public readonly record struct BalanceHistoryPeriod(DateTime From, DateTime To, TimeSpan Step)
{
    public const string Hour = "hour";
    public const string Day = "day";
    public const int MaxHours = 31 * 24;
    public const int MaxDays = 366;
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);

    public string Interval => Step == TimeSpan.FromDays(1) ? Day : Hour;

    public int Count => (int)((To - From).Ticks / Step.Ticks);

    public static BalanceHistoryPeriod Parse(BalanceHistoryQuery query, DateTimeOffset now, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var (step, max) = query.Interval switch
        {
            null or Hour => (TimeSpan.FromHours(1), MaxHours),
            Day => (TimeSpan.FromDays(1), MaxDays),
            _ => (TimeSpan.FromHours(1), 0),
        };
        if (max == 0)
        {
            errors.Add("interval", "must be hour or day.");
            return default;
        }

        var current = now.UtcDateTime;
        var to = query.To is { } t ? RateRules.AsUtc(t) : new DateTime(current.Ticks - (current.Ticks % step.Ticks), DateTimeKind.Utc).Add(step);
        var from = query.From is { } f ? RateRules.AsUtc(f) : to - DefaultSpan;
        var unit = step == TimeSpan.FromDays(1) ? "day (00:00 UTC)" : "UTC hour";
        if (from.Ticks % step.Ticks != 0)
        {
            errors.Add("from", $"must be a whole {unit}.");
        }

        if (to.Ticks % step.Ticks != 0)
        {
            errors.Add("to", $"must be a whole {unit}.");
        }

        if (to <= from)
        {
            errors.Add("to", "must be later than from.");
        }
        else if ((to - from).Ticks / step.Ticks > max)
        {
            errors.Add("to", $"must be at most {max} {(step == TimeSpan.FromDays(1) ? "days" : "hours")} after from.");
        }

        return new BalanceHistoryPeriod(from, to, step);
    }
}
