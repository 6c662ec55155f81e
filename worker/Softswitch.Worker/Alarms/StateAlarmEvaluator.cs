using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Worker.Alarms;

/// <summary>
/// The rules about a state or a single recorded event: low balance and reconciliation deviation.
/// </summary>
public static class StateAlarmEvaluator
{
    /// <summary>The security-event rule reconciliation raises (<c>ReconciliationEndpoints.AlarmRule</c>).</summary>
    public const string ReconciliationRule = "reconciliation-deviation";

    /// <summary>How far back a reconciliation-deviation rule looks for events it has not turned into alarms.</summary>
    public static readonly TimeSpan EventLookback = TimeSpan.FromDays(1);

    public const string AutoResolver = "alarm-evaluation";

    public static bool Reads(AlarmKind kind) => kind is AlarmKind.LowBalance or AlarmKind.ReconciliationDeviation;

    public static async Task<int> EvaluateAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        var firings = rule.Kind switch
        {
            AlarmKind.LowBalance => await LowBalanceAsync(db, rule, now, cancellationToken),
            AlarmKind.ReconciliationDeviation => await DeviationsAsync(db, rule, now, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "not a state alarm kind"),
        };
        return await AlarmRecorder.RecordAsync(db, rule, [.. firings.Take(AlarmRecorder.MaxFiringsPerRun)], now, cancellationToken);
    }

    /// <summary>
    /// One alarm per stay below the threshold (the rule's, else the account's own <c>low_balance_threshold</c>): it fires
    /// when the balance is below and no unresolved alarm of the rule is about the account, and is resolved by the job
    /// when the balance is back at or above it. Its window key is the ledger sequence it was seen at.
    /// </summary>
    private static async Task<List<AlarmFiring>> LowBalanceAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (rule.AccountId is { } only)
        {
            accounts = accounts.Where(a => a.Id == only);
        }

        if (rule.Threshold is null)
        {
            accounts = accounts.Where(a => a.LowBalanceThreshold != null);
        }

        var balances = (await accounts.Select(a => new { a.Id, a.Balance, a.LedgerSequence, a.Currency, a.LowBalanceThreshold }).ToListAsync(cancellationToken))
            .Select(a => new { a.Id, a.Balance, a.LedgerSequence, a.Currency, Threshold = rule.Threshold ?? a.LowBalanceThreshold!.Value });
        var unresolved = await db.Alarms.Where(a => a.RuleId == rule.Id && a.State != AlarmState.Resolved).ToListAsync(cancellationToken);
        var firings = new List<AlarmFiring>();
        foreach (var account in balances.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var open = unresolved.Where(a => a.SubjectId == account.Id).ToList();
            if (!AlarmChecks.IsLowBalance(account.Balance, account.Threshold))
            {
                foreach (var alarm in open)
                {
                    (alarm.State, alarm.ResolvedAt, alarm.ResolvedBy) = (AlarmState.Resolved, now, AutoResolver);
                }
            }
            else if (open.Count == 0)
            {
                firings.Add(new AlarmFiring(
                    AlarmFiring.Account, account.Id, Invariant($"ledger-{account.LedgerSequence}"), account.Balance, account.Threshold,
                    Invariant($"Balance {account.Balance:0.######} {account.Currency} is below {account.Threshold:0.######} (ledger entry {account.LedgerSequence})."),
                    []));
            }
        }

        return firings;
    }

    /// <summary>Each <c>reconciliation-deviation</c> security event since the rule was created becomes one alarm (key: the event id).</summary>
    private static async Task<List<AlarmFiring>> DeviationsAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId;
        var since = rule.CreatedAt > now - EventLookback ? rule.CreatedAt : now - EventLookback;
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.TenantId == tenant && e.Rule == ReconciliationRule && e.OccurredAt >= since)
            .Where(e => !db.Alarms.Any(a => a.RuleId == rule.Id && a.WindowKey == e.Id))
            .OrderBy(e => e.Id).Take(AlarmRecorder.MaxFiringsPerRun).ToListAsync(cancellationToken);
        return [.. events
            .Where(e => rule.Threshold is not { } least || e.Count >= least)
            .Select(e => new AlarmFiring(AlarmFiring.Tenant, tenant!, e.Id, e.Count, e.Threshold, e.Evidence ?? "", []))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
