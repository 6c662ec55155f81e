using Microsoft.EntityFrameworkCore;

namespace Softswitch.Data;

/// <summary>
/// The one row that decides claims on mapping-gateway source ranges one at a time, across tenants and API processes.
/// Ranges of two tenants collide when they overlap, which no unique index can express; so every write that claims a
/// range first updates this row inside its transaction, then checks the other tenants' claims, then saves. On SQL
/// Server the update holds an exclusive row lock until commit, so a concurrent claimer waits and then sees the
/// committed claim; SQLite transactions hold the database's write lock from their start anyway.
/// </summary>
public sealed class IngressClaimLock
{
    public const int TheRow = 1;

    public int Id { get; set; }

    /// <summary>How many claim decisions were taken; its only use is to make the update a write.</summary>
    public long Decisions { get; set; }

    public static async Task TakeAsync(SoftswitchDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The ingress claim lock only holds inside the transaction that saves the claim.");
        }

        var rows = await db.IngressClaimLocks.Where(l => l.Id == TheRow)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Decisions, l => l.Decisions + 1), cancellationToken);
        if (rows != 1)
        {
            throw new InvalidOperationException("The ingress claim lock row is missing; the database is not fully migrated.");
        }
    }
}
