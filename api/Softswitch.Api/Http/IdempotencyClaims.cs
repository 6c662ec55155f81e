using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

/// <summary>
/// The stored side of <see cref="IdempotencyMiddleware"/>. A request claims its key by inserting an in-flight record
/// before it runs; the unique (scope, key) index lets exactly one concurrent request win, and the others find the
/// claim and are refused. The winner then fills the record with its response, or removes it when it fails.
/// Each step uses its own context, so the endpoint's context never carries an idempotency row.
/// </summary>
public sealed class IdempotencyClaims(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>
    /// How long an in-flight claim holds its key. A request that takes longer (or whose process died) loses it, and
    /// the next request with the key runs; no endpoint comes near it (a 64 MB rate deck imports in under a minute).
    /// </summary>
    public static readonly TimeSpan InFlightLease = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Claims <paramref name="key"/>: the new claim's id, or the unexpired record already holding it, or neither when
    /// other requests kept taking and dropping the key meanwhile (answered like one in flight).
    /// </summary>
    public async Task<(string? ClaimId, IdempotencyRecord? Existing)> ClaimAsync(
        string scope, string key, string requestHash, string method, string path, CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<SoftswitchDbContext>();

        // Two rounds: a lapsed record is removed in the first, and a claim that lost a race is read in the second.
        for (var round = 0; round < 2; round++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
            if (existing is not null && existing.ExpiresAt > now)
            {
                return (null, existing);
            }

            if (existing is not null)
            {
                await db.IdempotencyRecords.Where(r => r.Id == existing.Id && r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            }

            var claim = new IdempotencyRecord
            {
                Scope = scope,
                Key = key,
                RequestHash = requestHash,
                Method = method,
                Path = path.Length <= IdempotencyRecord.PathMaxLength ? path : path[..IdempotencyRecord.PathMaxLength],
                StatusCode = IdempotencyRecord.InFlightStatus,
                ExpiresAt = now + InFlightLease,
            };
            db.IdempotencyRecords.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (claim.Id, null);
            }
            catch (DbUpdateException e) when (ConstraintViolation.IsUnique(e))
            {
                db.ChangeTracker.Clear();
            }
        }

        var holder = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        return (null, holder);
    }

    /// <summary>Stores the claim's response for <see cref="IdempotencyMiddleware.Retention"/>.</summary>
    public async Task CompleteAsync(
        string claimId, int statusCode, string body, string? contentType, string? location, string? etag)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<SoftswitchDbContext>();

        // The request has run: storing its outcome must not be cut short because its client went away.
        var record = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.Id == claimId, CancellationToken.None);
        if (record is null)
        {
            return; // The claim lapsed and was taken over; the request that took it owns the key now.
        }

        record.StatusCode = statusCode;
        record.ResponseBody = body;
        record.ResponseContentType = contentType;
        record.Location = location;
        record.ETag = etag;
        record.ExpiresAt = time.GetUtcNow().UtcDateTime + IdempotencyMiddleware.Retention;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Removes an in-flight claim whose request failed, so the client may retry with the same key.</summary>
    public async Task ReleaseAsync(string claimId)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<SoftswitchDbContext>();
        await db.IdempotencyRecords
            .Where(r => r.Id == claimId && r.StatusCode == IdempotencyRecord.InFlightStatus)
            .ExecuteDeleteAsync(CancellationToken.None);
    }
}
