using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Media.Geofencing;

/// <summary>
/// Brings the control plane's geofences to the switch every <see cref="PollInterval"/> (within the 2-second promise).
/// Range sets are read by their own refresher rather than put into the configuration snapshot: a country's networks
/// are tens of thousands of rows, and the snapshot is rebuilt and written to its file on every change of any row. Each
/// poll reads the fences and the versions of the sets they use (a few rows); a set's ranges are read again only when
/// its version moved (every change of its ranges bumps it). With the database down the last policy stays in force;
/// a switch started while the database is down has none (the snapshot file does not carry range sets).
/// </summary>
public sealed partial class GeofenceRefresher(
    DbContextOptions<SoftswitchDbContext> options, GeofencePolicySource geofences, TimeProvider time, ILogger<GeofenceRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private Dictionary<string, (long Version, IpRangeIndex Index)> _sets = new(StringComparer.Ordinal);
    private List<(string Id, long Version)> _fencesSeen = [];
    private bool _failing;

    /// <summary>Reads fences and changed sets, and publishes a new policy when anything changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var fences = await db.Geofences.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        var setIds = fences.Select(f => f.IpRangeSetId).Distinct().ToList();
        var versions = await db.IpRangeSets.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Where(s => setIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Version })
            .ToListAsync(cancellationToken);

        var sets = new Dictionary<string, (long Version, IpRangeIndex Index)>(StringComparer.Ordinal);
        var changed = false;
        foreach (var set in versions)
        {
            if (_sets.TryGetValue(set.Id, out var known) && known.Version == set.Version)
            {
                sets[set.Id] = known;
                continue;
            }

            sets[set.Id] = (set.Version, await LoadAsync(db, set.Id, cancellationToken));
            changed = true;
        }

        var fencesNow = fences.Select(f => (f.Id, f.Version)).ToList();
        if (!changed && sets.Count == _sets.Count && fencesNow.SequenceEqual(_fencesSeen))
        {
            return;
        }

        geofences.Publish(GeofencePolicy.Create(fences, sets.ToDictionary(s => s.Key, s => s.Value.Index, StringComparer.Ordinal)));
        _sets = sets;
        _fencesSeen = fencesNow;
    }

    private static async Task<IpRangeIndex> LoadAsync(SoftswitchDbContext db, string setId, CancellationToken cancellationToken)
    {
        var ranges = new List<AddressRange>();
        var rows = db.IpRanges.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Where(r => r.IpRangeSetId == setId)
            .Select(r => new { r.First, r.Last })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            // The API stores only valid ranges; a row edited into something else is left out rather than stop the load.
            if (AddressRange.TryFromStored(row.First, row.Last, out var range))
            {
                ranges.Add(range);
            }
        }

        return IpRangeIndex.Build(ranges);
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
            // The switch keeps its last policy; only the first failure of a run is logged, the recovery ends it.
            if (!_failing)
            {
                LogRefreshFailed(logger, exception);
            }

            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading geofences failed; the switch keeps its last geofence policy")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
