using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Contracts;
using Softswitch.Api.Hosting;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Geofencing;

/// <summary>What a write of ranges did: the rows written and the count deleted first, or nothing because a limit would be passed.</summary>
public sealed record IpRangeWriteResult(IReadOnlyList<IpRange> Written, int Replaced, UnprocessableProblem? OverCapacity);

/// <summary>
/// Adds ranges to a set in one transaction, within the set and tenant limits (<c>Softswitch:Geofencing</c>), and keeps
/// <see cref="IpRangeSet.RangeCount"/> true. Every write bumps the set's version, which is how the switch's
/// refresher knows to read the set again.
/// </summary>
public sealed class IpRangeWriter(SoftswitchDbContext db, TimeProvider time, GeofencingOptions limits)
{
    public async Task<IpRangeWriteResult> WriteAsync(IpRangeSet set, IReadOnlyList<AddressRange> ranges, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(ranges);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The no-op update takes the set's row lock on SQL Server, so concurrent writers into one set count in turn;
        // SQLite transactions hold the write lock from their start.
        await db.IpRangeSets.Where(s => s.Id == set.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), cancellationToken);
        var inSet = await db.IpRanges.CountAsync(r => r.IpRangeSetId == set.Id, cancellationToken);
        var inTenant = await db.IpRanges.CountAsync(cancellationToken);
        var kept = replace ? 0 : inSet;
        if (kept + (long)ranges.Count > limits.MaxRangesPerSet)
        {
            return new IpRangeWriteResult([], 0, Full($"The set holds {inSet:N0} ranges; this would make {kept + (long)ranges.Count:N0}, past the limit of {limits.MaxRangesPerSet:N0} per set."));
        }

        if (inTenant - inSet + kept + (long)ranges.Count > limits.MaxRangesPerTenant)
        {
            return new IpRangeWriteResult([], 0, Full($"The tenant's sets hold {inTenant:N0} ranges; this would pass the limit of {limits.MaxRangesPerTenant:N0} per tenant."));
        }

        var replaced = replace ? await db.IpRanges.Where(r => r.IpRangeSetId == set.Id).ExecuteDeleteAsync(cancellationToken) : 0;
        var rows = ranges.Select(r => r.ToRow(set.Id)).ToList();
        await new BulkInserter<IpRange>(db, time).InsertAsync(rows, cancellationToken);
        await RecountAsync(set, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IpRangeWriteResult(rows, replaced, null);
    }

    /// <summary>Stores the set's range count and bumps its version, inside the caller's transaction.</summary>
    public async Task RecountAsync(IpRangeSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        set.RangeCount = await db.IpRanges.CountAsync(r => r.IpRangeSetId == set.Id, cancellationToken);
        db.Entry(set).Property(s => s.RangeCount).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static UnprocessableProblem Full(string detail) =>
        new("Range set full", detail + " Delete ranges, or import with mode=replace.");
}
