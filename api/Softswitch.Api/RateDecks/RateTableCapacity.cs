using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Http;
using Softswitch.Data;

namespace Softswitch.Api.RateDecks;

/// <summary>
/// The bound on the rates one rate table holds (<c>Softswitch:RateTables:MaxRatesPerTable</c>): every rate is loaded
/// by the lookups and the switch's rating, so a tenant must not grow a table without limit, one rate or one append
/// at a time.
/// </summary>
public static class RateTableCapacity
{
    /// <summary>
    /// Takes the rate table's write lock for the current transaction, then counts its rates. The lock makes the
    /// count hold until commit: on SQL Server the no-op update holds an exclusive lock on the rate table's row, so
    /// concurrent writers into the same table queue behind it; SQLite transactions already hold the database's
    /// write lock from their start (Microsoft.Data.Sqlite begins them IMMEDIATE).
    /// </summary>
    public static async Task<int> LockAndCountAsync(SoftswitchDbContext db, string rateTableId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The rate count only holds inside the transaction that adds the rates.");
        }

        await db.RateTables.Where(t => t.Id == rateTableId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version), cancellationToken);
        return await db.Rates.CountAsync(r => r.RateTableId == rateTableId, cancellationToken);
    }

    /// <summary>422: adding <paramref name="adding"/> rates to the <paramref name="existing"/> ones would pass the limit.</summary>
    public static UnprocessableProblem Exceeded(int existing, int adding, int limit) =>
        new(
            "Rate table full",
            $"The rate table holds {existing:N0} rates; adding {adding:N0} would pass the limit of {limit:N0} rates per "
                + "rate table. Delete rates, or import the whole deck with mode=replace.");
}
