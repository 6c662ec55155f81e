using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Worker.Alarms;

/// <summary>
/// The rules that look at calls one by one (long call, outside working hours, new country). Each reads the tenant's
/// admitted CDRs in store order after its cursor (<see cref="AlarmCursor"/>), starting when the rule was last saved
/// (created, changed or enabled again: a disabled rule loses its cursor),
/// and moves the cursor past what it looked at, in the same save as its firings. A CDR is read once it has been stored
/// <see cref="Settle"/>, so a batch still committing is not skipped.
/// </summary>
public static class CdrAlarmEvaluator
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    public const int BatchSize = 5_000;

    /// <summary>The most CDRs one rule reads in one run (2,000 calls a second for a minute is 120,000); the rest waits for the next run.</summary>
    public const int MaxCdrsPerRun = 200_000;

    public static bool Reads(AlarmKind kind) => kind is AlarmKind.LongCall or AlarmKind.OutsideWorkingHours or AlarmKind.NewCountry;

    public static async Task<int> EvaluateAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        var cursor = await db.AlarmCursors.SingleOrDefaultAsync(c => c.RuleId == rule.Id, cancellationToken);
        if (cursor is null)
        {
            cursor = new AlarmCursor { RuleId = rule.Id, ThroughCreatedAt = rule.UpdatedAt, ThroughId = "" };
            db.AlarmCursors.Add(cursor);
        }

        var until = now - Settle;
        var firings = new List<AlarmFiring>();
        var learner = rule.Kind == AlarmKind.NewCountry ? await CountryLearner.CreateAsync(db, cancellationToken) : null;
        for (var read = 0; read < MaxCdrsPerRun && firings.Count < AlarmRecorder.MaxFiringsPerRun;)
        {
            var cdrs = await BatchAsync(db, rule, cursor, until, cancellationToken);
            if (learner is not null)
            {
                await learner.LoadAsync(cdrs, cancellationToken);
            }

            var consumed = 0;
            foreach (var cdr in cdrs)
            {
                if (firings.Count == AlarmRecorder.MaxFiringsPerRun)
                {
                    break;
                }

                if (Fire(rule, cdr, learner) is { } firing)
                {
                    firings.Add(firing);
                }

                consumed++;
            }

            read += consumed;
            if (consumed == cdrs.Count && cdrs.Count < BatchSize)
            {
                // Everything stored up to the settle point has been read.
                (cursor.ThroughCreatedAt, cursor.ThroughId) = (until, "");
                break;
            }

            if (consumed > 0)
            {
                (cursor.ThroughCreatedAt, cursor.ThroughId) = (cdrs[consumed - 1].CreatedAt, cdrs[consumed - 1].Id);
            }
        }

        return await AlarmRecorder.RecordAsync(db, rule, firings, now, cancellationToken);
    }

    private static async Task<List<AlarmCall>> BatchAsync(SoftswitchDbContext db, AlarmRule rule, AlarmCursor cursor, DateTime until, CancellationToken cancellationToken)
    {
        var (through, throughId) = (cursor.ThroughCreatedAt, cursor.ThroughId);
        var query = db.Cdrs.AsNoTracking()
            .Where(c => c.CreatedAt > through || (c.CreatedAt == through && string.Compare(c.Id, throughId) > 0))
            .Where(c => c.CreatedAt <= until && c.RefusalRule == null && c.AccountId != null);
        if (rule.AccountId is { } account)
        {
            query = query.Where(c => c.AccountId == account);
        }

        if (rule.Kind == AlarmKind.LongCall)
        {
            var longerThan = (long)(rule.Threshold!.Value * 1_000m);
            query = query.Where(c => c.DurationMilliseconds > longerThan);
        }

        return await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(BatchSize)
            .Select(c => new AlarmCall(c.Id, c.CreatedAt, c.AccountId!, c.CallerReceived, c.CalleeReceived, c.CalleeSent, c.SetupAt, c.DurationMilliseconds))
            .ToListAsync(cancellationToken);
    }

    private static AlarmFiring? Fire(AlarmRule rule, AlarmCall cdr, CountryLearner? learner)
    {
        switch (rule.Kind)
        {
            case AlarmKind.LongCall:
                var seconds = Math.Round(cdr.DurationMilliseconds / 1_000m, 3);
                return new AlarmFiring(
                    AlarmFiring.Account, cdr.AccountId, cdr.Id, seconds, rule.Threshold!.Value,
                    Invariant($"Call {cdr.CallerReceived} -> {cdr.CalleeReceived} set up {cdr.SetupAt:yyyy-MM-ddTHH:mm:ssZ} lasted {seconds} s."), [cdr.Id]);
            case AlarmKind.OutsideWorkingHours:
                if (rule.WorkCalendar.IsWorkingTime(cdr.SetupAt))
                {
                    return null;
                }

                var zone = TimeZoneInfo.FindSystemTimeZoneById(rule.WorkCalendar.TimeZone);
                var local = TimeZoneInfo.ConvertTimeFromUtc(cdr.SetupAt, zone);
                return new AlarmFiring(
                    AlarmFiring.Account, cdr.AccountId, cdr.Id, 1m, 0m,
                    Invariant($"Call {cdr.CallerReceived} -> {cdr.CalleeReceived} set up {local:dddd yyyy-MM-dd HH:mm} {rule.WorkCalendar.TimeZone}, outside working time."),
                    [cdr.Id]);
            case AlarmKind.NewCountry:
                return learner!.Learn(cdr) is { } country
                    ? new AlarmFiring(
                        AlarmFiring.Account, cdr.AccountId, country, 1m, 0m,
                        Invariant($"First call of the account to {country}: {cdr.CallerReceived} -> {cdr.CalleeReceived} at {cdr.SetupAt:yyyy-MM-ddTHH:mm:ssZ}."),
                        [cdr.Id])
                    : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "not a per-call alarm kind");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
