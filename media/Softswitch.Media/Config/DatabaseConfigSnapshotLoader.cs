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
    public async Task<ConfigFingerprint> ReadFingerprintAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        return new ConfigFingerprint(
            await FingerprintAsync(db.Tenants, cancellationToken),
            await FingerprintAsync(db.Accounts, cancellationToken),
            await FingerprintAsync(db.Phones, cancellationToken),
            await FingerprintAsync(db.MappingGateways, cancellationToken),
            await FingerprintAsync(db.RoutingGateways, cancellationToken),
            await FingerprintAsync(db.Routes, cancellationToken));
    }

    /// <summary>
    /// The rows for a snapshot at <paramref name="current"/>: tables whose fingerprint is the one
    /// <paramref name="previous"/> was loaded at are taken from it unread, the others are read again. While the API
    /// writes, usually one table changes (accounts, say), so the switch no longer reads every table twice a second.
    /// </summary>
    /// <param name="previous">The rows of the last snapshot and the fingerprint read before they were; null to read every table.</param>
    public async Task<SwitchConfigRows> LoadRowsAsync(
        (SwitchConfigRows Rows, ConfigFingerprint Fingerprint)? previous, ConfigFingerprint current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var (rows, before) = (previous?.Rows, previous?.Fingerprint);
        await using var db = CreateContext();
        return new SwitchConfigRows(
            await ReadAsync(db.Tenants, rows?.Tenants, before?.Tenants, current.Tenants, cancellationToken),
            await ReadAsync(db.Accounts, rows?.Accounts, before?.Accounts, current.Accounts, cancellationToken),
            await ReadAsync(db.Phones, rows?.Phones, before?.Phones, current.Phones, cancellationToken),
            await ReadAsync(db.MappingGateways, rows?.MappingGateways, before?.MappingGateways, current.MappingGateways, cancellationToken),
            await ReadAsync(db.RoutingGateways, rows?.RoutingGateways, before?.RoutingGateways, current.RoutingGateways, cancellationToken),
            await ReadAsync(db.Routes, rows?.Routes, before?.Routes, current.Routes, cancellationToken));
    }

    private SoftswitchDbContext CreateContext() => new(options, FixedTenantContext.None, time);

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(
        DbSet<T> set, IReadOnlyList<T>? loaded, TableFingerprint? loadedAt, TableFingerprint now, CancellationToken cancellationToken)
        where T : Entity =>
        loaded is not null && loadedAt == now
            ? loaded
            : await set.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking().ToListAsync(cancellationToken);

    private static async Task<TableFingerprint> FingerprintAsync<T>(DbSet<T> set, CancellationToken cancellationToken)
        where T : Entity =>
        await set.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])
            .GroupBy(_ => 1)
            .Select(g => new TableFingerprint(g.Count(), g.Max(e => (DateTime?)e.UpdatedAt), g.Sum(e => e.Version)))
            .SingleOrDefaultAsync(cancellationToken);
}
