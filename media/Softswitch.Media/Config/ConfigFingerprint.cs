using Softswitch.Domain;

namespace Softswitch.Media.Config;

/// <summary>
/// A cheap summary of one configuration table: row count, latest <c>UpdatedAt</c> and the sum of row versions.
/// An insert moves the latest time, an update moves the time and the version sum, a delete moves the count.
/// </summary>
public readonly record struct TableFingerprint(int Count, DateTime? LatestUpdate, long VersionSum)
{
    /// <summary>The fingerprint of rows held in memory, to compare with the table's.</summary>
    public static TableFingerprint Of(IReadOnlyCollection<Entity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0 ? default : new(rows.Count, rows.Max(e => e.UpdatedAt), rows.Sum(e => e.Version));
    }
}

/// <summary>The fingerprints of every table a switch snapshot is built from; unchanged means no rebuild.</summary>
public sealed record ConfigFingerprint(
    TableFingerprint Tenants,
    TableFingerprint Accounts,
    TableFingerprint Phones,
    TableFingerprint MappingGateways,
    TableFingerprint RoutingGateways,
    TableFingerprint Routes,
    TableFingerprint NumberGroups);
