using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Media.Numbers;

/// <summary>
/// Keeps the switch's <see cref="NumberPlan"/> current: every <see cref="PollInterval"/> it compares the number tables'
/// fingerprints, and on a change reads groups, settings and list headers again, and the numbers only of lists whose
/// <see cref="NumberList.ContentVersion"/> moved. Lists are not in the snapshot file (a million numbers do not belong in
/// a JSON file rewritten on every change): until the first read succeeds the plan is <see cref="NumberPlan.NotLoaded"/>
/// and calls whose checks need it are refused with 503, never admitted unchecked.
/// </summary>
public sealed partial class NumberPlanRefresher(
    DbContextOptions<SoftswitchDbContext> options, NumberPlanSource plans, TimeProvider time, ILogger<NumberPlanRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private Dictionary<string, (long ContentVersion, NumberSet Numbers)> _numbers = new(StringComparer.Ordinal);
    private (long, long, long)? _seen;
    private bool _failing;

    /// <summary>Reads what changed and publishes a new plan when anything did.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var fingerprint = (
            await FingerprintAsync(db.NumberGroups, cancellationToken),
            await FingerprintAsync(db.NumberLists, cancellationToken),
            await FingerprintAsync(db.NumberSettings, cancellationToken));
        if (fingerprint == _seen)
        {
            return;
        }

        var groups = await AllTenants(db.NumberGroups).ToListAsync(cancellationToken);
        var settings = await AllTenants(db.NumberSettings).ToListAsync(cancellationToken);
        var lists = await AllTenants(db.NumberLists).ToListAsync(cancellationToken);
        var numbers = new Dictionary<string, (long, NumberSet)>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            if (_numbers.TryGetValue(list.Id, out var known) && known.ContentVersion == list.ContentVersion)
            {
                numbers[list.Id] = known;
                continue;
            }

            var bytes = await AllTenants(db.NumberListContents).Where(c => c.Id == list.Id && c.TenantId == list.TenantId)
                .Select(c => c.Numbers).SingleOrDefaultAsync(cancellationToken);
            numbers[list.Id] = (list.ContentVersion, bytes is null ? NumberSet.Empty : NumberSet.FromStored(NumberKey.FromBytes(bytes)));
        }

        plans.Publish(NumberPlanBuilder.Build(groups, settings, lists, l => numbers[l.Id].Item2, plans.Current));
        _numbers = numbers;
        _seen = fingerprint;
    }

    private static IQueryable<T> AllTenants<T>(DbSet<T> set)
        where T : TenantEntity =>
        set.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();

    // Count, newest change and the sum of versions: an insert, an update and a delete each move one of them.
    private static async Task<long> FingerprintAsync<T>(DbSet<T> set, CancellationToken cancellationToken)
        where T : TenantEntity
    {
        var rows = AllTenants(set);
        var count = await rows.CountAsync(cancellationToken);
        var versions = await rows.SumAsync(e => e.Version, cancellationToken);
        var newest = await rows.MaxAsync(e => (DateTime?)e.UpdatedAt, cancellationToken);
        return HashCode.Combine(count, versions, newest);
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
                LogRefreshFailed(logger, exception, plans.Current.Loaded);
            }

            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading number lists and groups failed (a plan was loaded before: {Loaded}); the switch keeps its last plan")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, bool loaded);
}
