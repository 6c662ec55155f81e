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

    public async Task<SwitchConfigRows> LoadRowsAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        return new SwitchConfigRows(
            await AllAsync(db.Tenants, cancellationToken),
            await AllAsync(db.Accounts, cancellationToken),
            await AllAsync(db.Phones, cancellationToken),
            await AllAsync(db.MappingGateways, cancellationToken),
            await AllAsync(db.RoutingGateways, cancellationToken),
            await AllAsync(db.Routes, cancellationToken));
    }

    private SoftswitchDbContext CreateContext() => new(options, FixedTenantContext.None, time);

    private static Task<List<T>> AllAsync<T>(DbSet<T> set, CancellationToken cancellationToken)
        where T : Entity =>
        set.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking().ToListAsync(cancellationToken);

    private static async Task<TableFingerprint> FingerprintAsync<T>(DbSet<T> set, CancellationToken cancellationToken)
        where T : Entity =>
        await set.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter])
            .GroupBy(_ => 1)
            .Select(g => new TableFingerprint(g.Count(), g.Max(e => (DateTime?)e.UpdatedAt), g.Sum(e => e.Version)))
            .SingleOrDefaultAsync(cancellationToken);
}
