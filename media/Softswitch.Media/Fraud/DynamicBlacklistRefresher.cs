using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Switch.Fraud;

namespace Softswitch.Media.Fraud;

/// <summary>
/// Brings the control plane's word to the <see cref="DynamicBlacklist"/> every <see cref="PollInterval"/> (within the
/// 2-second promise): every tenant's enabled rules, read whole when their count or latest change moved; the entries
/// changed since the last poll (added by hand, released, or written by this switch), all active ones at start; and
/// the counter resets asked for since the last poll. Keeps the last state when the database cannot be read.
/// </summary>
public sealed partial class DynamicBlacklistRefresher(
    DbContextOptions<SoftswitchDbContext> options, DynamicBlacklist blacklist, TimeProvider time, ILogger<DynamicBlacklistRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Rows are re-read this far behind the newest seen, so a transaction that committed late is not missed.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    private const int MaxRowsPerPoll = 10_000;

    private readonly HashSet<string> _resetsApplied = new(StringComparer.Ordinal);
    private (int Count, DateTime? Latest) _rulesSeen = (-1, null);
    private DateTime? _entriesSeen;
    private DateTime _resetsSeen = DateTime.MinValue;
    private bool _failing;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var now = time.GetUtcNow();
        await RefreshRulesAsync(db, cancellationToken);
        await RefreshEntriesAsync(db, now, cancellationToken);
        await RefreshResetsAsync(db, now, cancellationToken);
    }

    private async Task RefreshRulesAsync(SoftswitchDbContext db, CancellationToken cancellationToken)
    {
        var rules = db.FraudRules.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();
        var seen = (await rules.CountAsync(cancellationToken), await rules.MaxAsync(r => (DateTime?)r.UpdatedAt, cancellationToken));
        if (seen == _rulesSeen)
        {
            return;
        }

        var enabled = await rules.Where(r => r.Enabled).ToListAsync(cancellationToken);
        blacklist.SetRules(enabled.GroupBy(r => r.TenantId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FraudRuleSpec>)g.Select(r => new FraudRuleSpec(r)).ToList(), StringComparer.Ordinal));
        _rulesSeen = seen;
    }

    private async Task RefreshEntriesAsync(SoftswitchDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = db.DynamicBlacklistEntries.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();
        if (_entriesSeen is not { } seen)
        {
            // At start: every active entry, the switch's own from before it stopped and the operators', read as a stream.
            var nowUtc = now.UtcDateTime;
            var latest = nowUtc;
            await foreach (var row in entries.Where(e => e.ReleasedAt == null && e.ExpiresAt > nowUtc).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                blacklist.Apply(row.TenantId, DynamicBlacklistRows.State(row), now);
                latest = row.UpdatedAt > latest ? row.UpdatedAt : latest;
            }

            _entriesSeen = latest;
            return;
        }

        var since = seen - Overlap;
        var rows = await entries.Where(e => e.UpdatedAt >= since).OrderBy(e => e.UpdatedAt).Take(MaxRowsPerPoll).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var state = DynamicBlacklistRows.State(row);
            if (row.ReleasedAt is null)
            {
                blacklist.Apply(row.TenantId, state, now);
            }
            else
            {
                blacklist.Remove(row.TenantId, state.Key, row.Kind);
            }
        }

        if (rows.Count > 0 && rows[^1].UpdatedAt > seen)
        {
            _entriesSeen = rows[^1].UpdatedAt;
        }
    }

    private async Task RefreshResetsAsync(SoftswitchDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = _resetsSeen == DateTime.MinValue ? now.UtcDateTime - Overlap : _resetsSeen - Overlap;
        var resets = await db.DynamicBlacklistEvents.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Where(e => e.Kind == BlacklistEventKind.CountersReset && e.CreatedAt >= since)
            .OrderBy(e => e.CreatedAt)
            .Take(MaxRowsPerPoll)
            .Select(e => new { e.Id, e.TenantId, e.Value, e.CreatedAt })
            .ToListAsync(cancellationToken);
        foreach (var reset in resets)
        {
            if (_resetsApplied.Add(reset.Id))
            {
                blacklist.ResetCounters(reset.TenantId, reset.Value);
            }
        }

        _resetsSeen = resets.Count > 0 ? resets[^1].CreatedAt : _resetsSeen == DateTime.MinValue ? now.UtcDateTime : _resetsSeen;
        if (_resetsApplied.Count > MaxRowsPerPoll)
        {
            _resetsApplied.Clear();
            _resetsApplied.UnionWith(resets.Select(r => r.Id));
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PollAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await Task.Delay(PollInterval, time, stoppingToken);
            await PollAsync(stoppingToken);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
            _failing = false;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is InvalidOperationException or System.Data.Common.DbException)
        {
            if (!_failing)
            {
                LogRefreshFailed(logger, exception);
            }

            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading fraud rules and dynamic-blacklist entries failed; the switch keeps its last state")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
