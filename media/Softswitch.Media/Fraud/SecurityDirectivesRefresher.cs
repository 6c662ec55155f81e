using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Fraud;

namespace Softswitch.Media.Fraud;

/// <summary>
/// Brings the control plane's word to the <see cref="SignallingGuard"/> every <see cref="PollInterval"/> (the same
/// half second as the configuration snapshot, within the 2-second promise): bans lifted through the API and still
/// unexpired, and every tenant's trusted blocks, both small enough to read whole each time; the threat feed's bans,
/// read again only when their count or latest change moved; and the platform's signalling rules, applied when their
/// row changes (back to <c>startup</c>, the <c>Softswitch:Fraud</c> settings, when it is deleted).
/// </summary>
public sealed partial class SecurityDirectivesRefresher(
    DbContextOptions<SoftswitchDbContext> options,
    SignallingGuard guard,
    SignallingGuardOptions startup,
    TimeProvider time,
    ILogger<SecurityDirectivesRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private bool _failing;
    private (int Count, DateTime? Latest) _feedSeen = (0, null);
    private (string Id, long Version)? _rulesApplied;

    /// <summary>Reads the directives and applies them.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var now = time.GetUtcNow().UtcDateTime;
        var lifts = await db.IpBans.AsNoTracking()
            .Where(b => b.LiftedAt != null && b.ExpiresAt > now)
            .Select(b => new { b.Address, b.LiftedAt })
            .ToListAsync(cancellationToken);
        var trusted = await db.TrustedAddresses.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Select(t => new { t.Block, t.TenantId })
            .ToListAsync(cancellationToken);
        var feed = db.IpBans.AsNoTracking().Where(b => b.Rule == IpBan.FeedRule && b.LiftedAt == null && b.ExpiresAt > now);
        var feedNow = (await feed.CountAsync(cancellationToken), await feed.MaxAsync(b => (DateTime?)b.UpdatedAt, cancellationToken));
        List<ImportedBan>? imported = null;
        if (feedNow != _feedSeen)
        {
            imported = (await feed.Select(b => new { b.Address, b.BannedAt, b.ExpiresAt }).ToListAsync(cancellationToken))
                .Select(b => new ImportedBan(IPAddress.Parse(b.Address), IpBan.FeedRule, Utc(b.BannedAt), Utc(b.ExpiresAt)))
                .ToList();
        }

        guard.Apply(new SecurityDirectives(
            lifts.Select(l => new BanLift(IPAddress.Parse(l.Address), Utc(l.LiftedAt!.Value))).ToList(),
            trusted.Select(t => new TrustedBlock(CidrBlock.Parse(t.Block), t.TenantId)).ToList(),
            imported));
        _feedSeen = feedNow;

        var rules = await db.SignallingRuleSettings.AsNoTracking().OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        (string, long)? rulesNow = rules is null ? null : (rules.Id, rules.Version);
        if (rulesNow != _rulesApplied)
        {
            guard.Apply(rules is null ? startup : SignallingRuleRows.ToOptions(rules, startup));
            _rulesApplied = rulesNow;
        }
    }

    private static DateTimeOffset Utc(DateTime time) => new(time, TimeSpan.Zero);

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
            // The guard keeps its last lists; only the first failure of a run is logged, the recovery ends it.
            if (!_failing)
            {
                LogRefreshFailed(logger, exception);
            }

            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading lifted bans and trusted addresses failed; the anti-fraud layer keeps its last lists")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
