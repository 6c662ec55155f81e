using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>POST /v1/fraud-rules/{id}/backtest</c>: replays the tenant's stored CDRs of a range, in time order, through the
/// same <see cref="TenantBlacklist"/> evaluation the switch runs: each call's setup is an attempt, and each call the
/// rule would not have refused ends at its recorded end (for the concurrency and no-answer rules). A monitor-only rule
/// is replayed as blocking: the question is what it would block once switched on.
/// </summary>
public static class FraudRuleBacktest
{
    public const int MaxCalls = 200_000;
    public const int MaxListed = 1_000;
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public static async Task<Results<Ok<BacktestResponse>, ValidationProblem, NotFoundProblem>> RunAsync(SoftswitchDbContext db, HttpContext http, string id, BacktestRequest request)
    {
        var rule = await db.FraudRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, http.RequestAborted);
        if (rule is null)
        {
            return ApiProblems.NotFound("fraud rule", id);
        }

        var errors = new FieldErrors();
        if (request.From is null)
        {
            errors.Add("from", "is required.");
        }

        if (request.To is null)
        {
            errors.Add("to", "is required.");
        }

        if (request is { From: { } f, To: { } t } && (RateRules.AsUtc(t) <= RateRules.AsUtc(f) || RateRules.AsUtc(t) - RateRules.AsUtc(f) > MaxRange))
        {
            errors.Add("to", $"must be later than from, by at most {MaxRange.TotalDays} days.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var from = RateRules.AsUtc(request.From!.Value);
        var to = RateRules.AsUtc(request.To!.Value);
        var uncounted = RefusalRules.BeforeDynamicBlacklist.ToArray();
        var calls = await db.Cdrs.AsNoTracking()
            .Where(c => c.SetupAt >= from && c.SetupAt < to && c.AccountId != null && (c.RefusalRule == null || !uncounted.Contains(c.RefusalRule)))
            .OrderBy(c => c.SetupAt)
            .Take(MaxCalls + 1)
            .Select(c => new ReplayedCall(
                new CallFacts(c.CallId, c.MappingGatewayId, c.AccountId!, c.CallerReceived, c.CalleeReceived), c.SetupAt, c.AnswerAt, c.EndAt))
            .ToListAsync(http.RequestAborted);
        var truncated = calls.Count > MaxCalls;
        if (truncated)
        {
            calls.RemoveAt(calls.Count - 1);
        }

        rule.MonitorOnly = false;
        return TypedResults.Ok(Replay(rule, calls, from, to, truncated));
    }

    /// <summary>Feeds the calls through a fresh blacklist holding only <paramref name="rule"/>.</summary>
    public static BacktestResponse Replay(FraudRule rule, IReadOnlyList<ReplayedCall> calls, DateTime from, DateTime to, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calls);
        var findings = new Findings();
        var blacklist = new TenantBlacklist(rule.TenantId, new InProcessFraudCounterStore(MaxCalls, TimeProvider.System), findings, MaxCalls);
        blacklist.SetRules([new FraudRuleSpec(rule)]);
        var ending = new PriorityQueue<ReplayedCall, DateTime>();
        var refused = new List<string>();
        var refusedCount = 0;
        foreach (var call in calls)
        {
            EndUntil(blacklist, ending, call.SetupAt);
            if (blacklist.Admit(call.Facts, At(call.SetupAt)).Refused)
            {
                refusedCount++;
                if (refused.Count < MaxListed)
                {
                    refused.Add(call.Facts.CallId);
                }

                continue;
            }

            ending.Enqueue(call, call.EndAt);
        }

        EndUntil(blacklist, ending, DateTime.MaxValue);
        return new BacktestResponse(rule.Id, from, to, calls.Count, refusedCount, refused, findings.Listed, truncated || findings.Truncated);
    }

    private static void EndUntil(TenantBlacklist blacklist, PriorityQueue<ReplayedCall, DateTime> ending, DateTime until)
    {
        while (ending.TryPeek(out var call, out var endAt) && endAt <= until)
        {
            ending.Dequeue();
            blacklist.Release(call.Facts);
            TimeSpan? answeredFor = call.AnswerAt is { } answer ? call.EndAt - answer : null;
            blacklist.Finished(call.Facts, answeredFor, At(call.EndAt));
        }
    }

    private static DateTimeOffset At(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>One stored call as the replay needs it.</summary>
    public sealed record ReplayedCall(CallFacts Facts, DateTime SetupAt, DateTime? AnswerAt, DateTime EndAt);

    private sealed class Findings : IBlacklistFindingSink
    {
        public List<BacktestFinding> Listed { get; } = [];

        public bool Truncated { get; private set; }

        public void Found(BlacklistFinding finding)
        {
            if (Listed.Count >= MaxListed)
            {
                Truncated = true;
                return;
            }

            Listed.Add(new BacktestFinding(
                finding.Kind, finding.Key.Subject, finding.Key.Value, finding.Key.MappingGatewayId, finding.Count, finding.Level,
                finding.At.UtcDateTime, finding.ExpiresAt?.UtcDateTime, finding.Evidence));
        }

        // The replay keeps its entries' moved expiries in memory; nothing is stored.
        public void Extended(string tenantId, BlacklistKey key, DateTimeOffset expiresAt)
        {
        }
    }
}
