using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Worker.Alarms;

/// <summary>
/// The rules judged over a fixed window (<see cref="AlarmWindows"/>): low ASR, traffic spike, security-event burst.
/// Each run judges the latest complete window; its start is the alarm's window key, so a second run fires nothing
/// new. A window that ended while the worker was down for longer than the window is not judged later.
/// </summary>
public static class WindowAlarmEvaluator
{
    /// <summary>The days whose same hour make an account's usual hourly volume.</summary>
    public const int BaselineDays = 7;

    public static bool Reads(AlarmKind kind) => kind is AlarmKind.LowAsr or AlarmKind.TrafficSpike or AlarmKind.SecurityEventBurst;

    public static async Task<int> EvaluateAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        var firings = rule.Kind switch
        {
            AlarmKind.LowAsr => await LowAsrAsync(db, rule, now, cancellationToken),
            AlarmKind.TrafficSpike => await TrafficSpikeAsync(db, rule, now, cancellationToken),
            AlarmKind.SecurityEventBurst => await BurstAsync(db, rule, now, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "not a windowed alarm kind"),
        };
        return await AlarmRecorder.RecordAsync(db, rule, [.. firings.Take(AlarmRecorder.MaxFiringsPerRun)], now, cancellationToken);
    }

    /// <summary>
    /// Admitted calls set up in the window, per account when the rule names one, else per routing gateway of the
    /// call's last attempt (one gateway when the rule names one).
    /// </summary>
    private static async Task<List<AlarmFiring>> LowAsrAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        var (start, end) = AlarmWindows.LastComplete(now, rule.WindowMinutes);
        var calls = db.Cdrs.AsNoTracking().Where(c => c.SetupAt >= start && c.SetupAt < end && c.RefusalRule == null);
        var perAccount = rule.AccountId is not null;
        if (perAccount)
        {
            calls = calls.Where(c => c.AccountId == rule.AccountId);
        }
        else
        {
            calls = rule.RoutingGatewayId is { } gateway
                ? calls.Where(c => c.RoutingGatewayId == gateway)
                : calls.Where(c => c.RoutingGatewayId != null);
        }

        var groups = await calls
            .GroupBy(c => perAccount ? c.AccountId : c.RoutingGatewayId)
            .Select(g => new { Subject = g.Key!, Calls = g.LongCount(), Answered = g.LongCount(c => c.AnswerAt != null) })
            .ToListAsync(cancellationToken);
        var threshold = rule.Threshold!.Value;
        return [.. groups
            .Select(g => (g.Subject, g.Calls, g.Answered, Asr: AlarmChecks.Asr(g.Calls, g.Answered, rule.MinimumCalls)))
            .Where(g => AlarmChecks.IsLowAsr(g.Asr, threshold))
            .OrderBy(g => g.Subject, StringComparer.Ordinal)
            .Select(g => new AlarmFiring(
                perAccount ? AlarmFiring.Account : AlarmFiring.RoutingGateway, g.Subject, AlarmWindows.Key(start), g.Asr!.Value, threshold,
                Invariant($"{g.Answered} of {g.Calls} calls answered between {start:yyyy-MM-ddTHH:mmZ} and {end:yyyy-MM-ddTHH:mmZ}."), []))];
    }

    /// <summary>
    /// An account's calls (refused ones included: an attack's calls are often refused) in the last complete hour against
    /// its usual volume: the mean of the same hour over the previous <see cref="BaselineDays"/> days, from the
    /// <c>cdr-rollups</c> account rows.
    /// </summary>
    private static async Task<List<AlarmFiring>> TrafficSpikeAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        var (start, end) = AlarmWindows.LastComplete(now, 60);
        var calls = db.Cdrs.AsNoTracking().Where(c => c.SetupAt >= start && c.SetupAt < end && c.AccountId != null);
        if (rule.AccountId is { } account)
        {
            calls = calls.Where(c => c.AccountId == account);
        }

        var counts = await calls.GroupBy(c => c.AccountId!).Select(g => new { Account = g.Key, Calls = g.LongCount() }).ToListAsync(cancellationToken);
        var busy = counts.Where(c => c.Calls >= Math.Max(1, rule.MinimumCalls)).Select(c => c.Account).ToList();
        var hours = Enumerable.Range(1, BaselineDays).Select(d => start.AddDays(-d)).ToList();
        var history = await db.CdrRollups.AsNoTracking()
            .Where(r => r.Dimension == RollupDimension.Account && busy.Contains(r.Key) && hours.Contains(r.Hour))
            .GroupBy(r => r.Key).Select(g => new { Account = g.Key, Calls = g.Sum(r => r.Calls) })
            .ToDictionaryAsync(g => g.Account, g => g.Calls, StringComparer.Ordinal, cancellationToken);
        var multiple = rule.Threshold!.Value;
        var firings = new List<AlarmFiring>();
        foreach (var count in counts.OrderBy(c => c.Account, StringComparer.Ordinal))
        {
            var baseline = AlarmChecks.Baseline([history.GetValueOrDefault(count.Account)], BaselineDays);
            if (AlarmChecks.IsTrafficSpike(count.Calls, baseline, multiple, rule.MinimumCalls))
            {
                firings.Add(new AlarmFiring(
                    AlarmFiring.Account, count.Account, AlarmWindows.Key(start), count.Calls, multiple * baseline,
                    Invariant($"{count.Calls} calls between {start:yyyy-MM-ddTHH:mmZ} and {end:yyyy-MM-ddTHH:mmZ}; usual for this hour {baseline} (mean of the last {BaselineDays} days), limit {multiple} x usual."),
                    []));
            }
        }

        return firings;
    }

    private static async Task<List<AlarmFiring>> BurstAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        var (start, end) = AlarmWindows.LastComplete(now, rule.WindowMinutes);
        var tenant = db.CurrentTenantId;
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.TenantId == tenant && e.Rule == rule.SecurityEventRule && e.OccurredAt >= start && e.OccurredAt < end)
            .LongCountAsync(cancellationToken);
        return AlarmChecks.IsBurst(events, rule.Threshold!.Value)
            ? [new AlarmFiring(
                AlarmFiring.Tenant, tenant!, AlarmWindows.Key(start), events, rule.Threshold.Value,
                Invariant($"{events} '{rule.SecurityEventRule}' security events between {start:yyyy-MM-ddTHH:mmZ} and {end:yyyy-MM-ddTHH:mmZ} (GET /v1/security-events?rule={rule.SecurityEventRule})."),
                [])]
            : [];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
