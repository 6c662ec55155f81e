using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Config;

namespace Softswitch.Media.Config;

/// <summary>
/// Reads the rows of every tenant that a <see cref="SwitchConfigSnapshot"/> is built from. The switch acts for no
/// single tenant, so it uses a platform context (<see cref="FixedTenantContext.None"/>) with the tenant filter
/// turned off, read-only.
/// </summary>
public sealed class DatabaseConfigSnapshotLoader(DbContextOptions<SoftswitchDbContext> options, TimeProvider time)
{
    /// <summary>
    /// A row is stamped when its <c>SaveChanges</c> starts and commits after the write gate and the fsync, so under
    /// concurrent writes a row can commit after a newer one; a delta read goes back this far before the newest row it
    /// holds. A row that commits later still than this after its stamp makes the fingerprints differ and is found by a
    /// full read.
    /// </summary>
    public static readonly TimeSpan CommitLag = TimeSpan.FromSeconds(1);

    public async Task<ConfigFingerprint> ReadFingerprintAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        return new ConfigFingerprint(
            await FingerprintAsync(db.Tenants, cancellationToken),
            await FingerprintAsync(db.Accounts, cancellationToken),
            await FingerprintAsync(db.Phones, cancellationToken),
            await FingerprintAsync(db.MappingGateways, cancellationToken),
            await FingerprintAsync(db.RoutingGateways, cancellationToken),
            await FingerprintAsync(db.Routes, cancellationToken),
            await FingerprintAsync(db.NumberGroups, cancellationToken));
    }

    /// <summary>
    /// The rows for a snapshot at <paramref name="current"/>, and the fingerprint they were read at. A table whose
    /// fingerprint is the one <paramref name="previous"/> holds is taken from it unread; a changed table reads only
    /// its rows updated since the newest it holds (less <see cref="CommitLag"/>) together with the table's fingerprint,
    /// and all its rows only when the result does not add up to that fingerprint (a delete, or a row that committed
    /// long after it was stamped). While the API writes, one table changes a few rows at a time, so the switch no
    /// longer reads every table twice a second.
    /// </summary>
    /// <param name="previous">What the last call returned; null to read every table.</param>
    public async Task<LoadedConfig> LoadRowsAsync(LoadedConfig? previous, ConfigFingerprint current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var (rows, at) = (previous?.Rows, previous?.Fingerprint);
        await using var db = CreateContext();
        var tenants = await ReadAsync(db.Tenants, rows?.Tenants, at?.Tenants, current.Tenants, cancellationToken);
        var accounts = await ReadAsync(db.Accounts, rows?.Accounts, at?.Accounts, current.Accounts, cancellationToken);
        var phones = await ReadAsync(db.Phones, rows?.Phones, at?.Phones, current.Phones, cancellationToken);
        var mapping = await ReadAsync(db.MappingGateways, rows?.MappingGateways, at?.MappingGateways, current.MappingGateways, cancellationToken);
        var routing = await ReadAsync(db.RoutingGateways, rows?.RoutingGateways, at?.RoutingGateways, current.RoutingGateways, cancellationToken);
        var routes = await ReadAsync(db.Routes, rows?.Routes, at?.Routes, current.Routes, cancellationToken);
        var groups = await ReadAsync(db.NumberGroups, rows?.NumberGroups, at?.NumberGroups, current.NumberGroups, cancellationToken);
        return new LoadedConfig(
            new SwitchConfigRows(tenants.Rows, accounts.Rows, phones.Rows, mapping.Rows, routing.Rows, routes.Rows) { NumberGroups = groups.Rows },
            new ConfigFingerprint(tenants.At, accounts.At, phones.At, mapping.At, routing.At, routes.At, groups.At));
    }

    private SoftswitchDbContext CreateContext() => new(options, FixedTenantContext.None, time);

    private static async Task<(IReadOnlyList<T> Rows, TableFingerprint At)> ReadAsync<T>(
        DbSet<T> set, IReadOnlyList<T>? loaded, TableFingerprint? loadedAt, TableFingerprint now, CancellationToken cancellationToken)
        where T : Entity
    {
        if (loaded is not null && loadedAt == now)
        {
            return (loaded, now);
        }

        var table = set.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();
        if (loaded is { Count: > 0 })
        {
            var since = loaded.Max(e => e.UpdatedAt) - CommitLag;

            // The changed rows and the table's fingerprint in one statement, so they see the same commits however
            // fast writes land (a row with each; no row when nothing changed since, and then the fingerprint apart).
            var delta = await table.Where(e => e.UpdatedAt >= since)
                .Select(e => new
                {
                    Row = e,
                    Count = table.Count(),
                    Latest = table.Max(x => (DateTime?)x.UpdatedAt),
                    VersionSum = table.Sum(x => x.Version),
                })
                .ToListAsync(cancellationToken);
            var merged = Merge(loaded, [.. delta.Select(d => d.Row)]);
            var mergedAt = TableFingerprint.Of(merged);
            var readAt = delta.Count > 0
                ? new TableFingerprint(delta[0].Count, delta[0].Latest, delta[0].VersionSum)
                : await FingerprintAsync(set, cancellationToken);
            if (mergedAt == readAt)
            {
                return (merged, mergedAt);
            }
        }

        return (await table.ToListAsync(cancellationToken), now);
    }

    private static List<T> Merge<T>(IReadOnlyList<T> loaded, List<T> updated)
        where T : Entity
    {
        var byId = updated.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var merged = new List<T>(loaded.Count + updated.Count);
        foreach (var row in loaded)
        {
            merged.Add(byId.Remove(row.Id, out var newer) ? newer : row);
        }

        merged.AddRange(updated.Where(e => byId.ContainsKey(e.Id)));
        return merged;
    }

    private static async Task<TableFingerprint> FingerprintAsync<T>(DbSet<T> set, CancellationToken cancellationToken)
        where T : Entity =>
        await set.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])
            .GroupBy(_ => 1)
            .Select(g => new TableFingerprint(g.Count(), g.Max(e => (DateTime?)e.UpdatedAt), g.Sum(e => e.Version)))
            .SingleOrDefaultAsync(cancellationToken);
}
