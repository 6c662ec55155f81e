using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.RateDecks;

/// <summary>
/// The outcome of an import: rows written and rows deleted first; or the rows that clash with existing rates; or,
/// when <see cref="OverCapacity"/>, nothing written because the table already holds <see cref="Existing"/> rates
/// and the appended deck would pass the table's limit.
/// </summary>
public sealed record RateDeckImportResult(int Imported, int Replaced, RateDeckFaults? Faults, bool OverCapacity = false, int Existing = 0);

/// <summary>
/// Writes a validated <see cref="RateDeck"/> into a rate table in one transaction: all of it or none of it.
/// Rows go in with <see cref="BulkInserter{TEntity}"/>, not the change tracker, so a 50,000-row deck takes about a second.
/// </summary>
public sealed class RateDeckImporter(SoftswitchDbContext db, TimeProvider time)
{
    /// <param name="maxRates">The table's capacity; the reader has already refused a deck longer than it.</param>
    public async Task<RateDeckImportResult> ImportAsync(
        string rateTableId, RateDeck deck, RateDeckImportMode mode, int maxRates, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await RateTableCapacity.LockAndCountAsync(db, rateTableId, cancellationToken);
        var replaced = 0;
        if (mode == RateDeckImportMode.Replace)
        {
            replaced = await db.Rates.Where(r => r.RateTableId == rateTableId).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            if (existing + (long)deck.Rows.Count > maxRates)
            {
                return new RateDeckImportResult(0, 0, null, OverCapacity: true, Existing: existing);
            }

            var clashes = await FindExistingAsync(rateTableId, deck.Rows, cancellationToken);
            if (clashes.Any)
            {
                return new RateDeckImportResult(0, 0, clashes);
            }
        }

        await new BulkInserter<Rate>(db, time).InsertAsync(deck.Rows.Select(row => row.ToRate(rateTableId)).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RateDeckImportResult(deck.Rows.Count, replaced, null);
    }

    /// <summary>Rows whose (prefix, effective_from) the table already holds; appending them would break its unique key.</summary>
    private async Task<RateDeckFaults> FindExistingAsync(
        string rateTableId, IReadOnlyList<RateDeckRow> rows, CancellationToken cancellationToken)
    {
        var faults = new RateDeckFaults();
        var existing = new HashSet<(string Prefix, DateTime From)>();
        var keys = db.Rates.AsNoTracking()
            .Where(r => r.RateTableId == rateTableId)
            .Select(r => new { r.Prefix, r.EffectiveFrom })
            .AsAsyncEnumerable();
        await foreach (var key in keys.WithCancellation(cancellationToken))
        {
            existing.Add((key.Prefix, key.EffectiveFrom));
        }

        if (existing.Count == 0)
        {
            return faults;
        }

        foreach (var row in rows.Where(r => existing.Contains((r.Prefix, r.EffectiveFrom))))
        {
            faults.Add(row.Line, $"prefix {row.Prefix} with effective_from {row.EffectiveFrom:O} already exists in this rate table; "
                + "change it with PUT, or import with mode=replace.");
        }

        return faults;
    }
}
