using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// The CRUD steps tenant resources share: a page, one row with its ETag, a guarded load for update, a guarded
/// delete. The tenant filter is applied by the query, so another tenant's id is simply not found.
/// </summary>
public static class EntityOperations
{
    /// <summary>A page of <paramref name="query"/>, unless parsing the page or the filters found field errors.</summary>
    public static async Task<Results<Ok<Page<TResponse>>, ValidationProblem>> ListAsync<TEntity, TResponse>(
        IQueryable<TEntity> query, PageRequest page, FieldErrors errors, Func<TEntity, TResponse> map, HttpContext http)
        where TEntity : Entity
    {
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await query.ToPageAsync(page, map, http.RequestAborted));
    }

    /// <summary>A page of <paramref name="query"/> with no filters but the page itself.</summary>
    public static Task<Results<Ok<Page<TResponse>>, ValidationProblem>> ListAsync<TEntity, TResponse>(
        IQueryable<TEntity> query, int? limit, string? cursor, Func<TEntity, TResponse> map, HttpContext http)
        where TEntity : Entity
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        return ListAsync(query, page, errors, map, http);
    }

    public static async Task<Results<Ok<TResponse>, NotFoundProblem>> GetAsync<TEntity, TResponse>(
        IQueryable<TEntity> set, string id, string resource, Func<TEntity, TResponse> map, HttpContext http)
        where TEntity : Entity
    {
        var entity = await set.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, http.RequestAborted);
        if (entity is null)
        {
            return ApiProblems.NotFound(resource, id);
        }

        ETags.Set(http.Response, entity);
        return TypedResults.Ok(map(entity));
    }

    public static async Task<Results<NoContent, MissingOrStale>> DeleteAsync<TEntity>(
        SoftswitchDbContext db, DbSet<TEntity> set, string id, string resource, HttpContext http)
        where TEntity : Entity
    {
        var (entity, failure) = await LoadForUpdateAsync(set, id, resource, http);
        if (entity is null)
        {
            return failure!;
        }

        set.Remove(entity);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>A delete that <paramref name="refuse"/> may turn down first, e.g. while other rows still use the row.</summary>
    public static async Task<Results<NoContent, MissingOrStale, ConflictProblem>> DeleteAsync<TEntity>(
        SoftswitchDbContext db, DbSet<TEntity> set, string id, string resource, HttpContext http,
        Func<CancellationToken, Task<ConflictProblem?>> refuse)
        where TEntity : Entity
    {
        if (await refuse(http.RequestAborted) is { } conflict)
        {
            return conflict;
        }

        var deleted = await DeleteAsync(db, set, id, resource, http);
        return deleted.Result switch
        {
            NoContent done => done,
            _ => (MissingOrStale)deleted.Result,
        };
    }

    /// <summary>
    /// <c>PUT</c>: loads the row under If-Match, validates the request, applies it and saves; <paramref name="refuse"/>
    /// sees the changed row before the save and may turn it down, e.g. when it would duplicate another row's name.
    /// </summary>
    public static async Task<Results<Ok<TResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> ReplaceAsync<TEntity, TResponse>(
        SoftswitchDbContext db, DbSet<TEntity> set, string id, string resource, HttpContext http,
        Func<CancellationToken, Task<FieldErrors>> validate, Action<TEntity> apply,
        Func<TEntity, CancellationToken, Task<ConflictProblem?>> refuse, Func<TEntity, TResponse> map)
        where TEntity : Entity
    {
        var (entity, failure) = await LoadForUpdateAsync(set, id, resource, http);
        if (entity is null)
        {
            return failure!;
        }

        var errors = await validate(http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        apply(entity);
        if (await refuse(entity, http.RequestAborted) is { } conflict)
        {
            return conflict;
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return Updated(http, entity, map);
    }

    /// <summary><c>PUT</c> of a resource whose changes nothing but validation turns down.</summary>
    public static async Task<Results<Ok<TResponse>, ValidationProblem, MissingOrStale>> ReplaceAsync<TEntity, TResponse>(
        SoftswitchDbContext db, DbSet<TEntity> set, string id, string resource, HttpContext http,
        Func<CancellationToken, Task<FieldErrors>> validate, Action<TEntity> apply, Func<TEntity, TResponse> map)
        where TEntity : Entity
    {
        var replaced = await ReplaceAsync(db, set, id, resource, http, validate, apply, (_, _) => Task.FromResult<ConflictProblem?>(null), map);
        return replaced.Result switch
        {
            Ok<TResponse> ok => ok,
            ValidationProblem invalid => invalid,
            _ => (MissingOrStale)replaced.Result,
        };
    }

    /// <summary>Loads a row for update, answering 404 or 412 when it is missing or If-Match is stale.</summary>
    public static async Task<(TEntity? Entity, MissingOrStale? Failure)> LoadForUpdateAsync<TEntity>(
        DbSet<TEntity> set, string id, string resource, HttpContext http)
        where TEntity : Entity
    {
        var entity = await set.SingleOrDefaultAsync(e => e.Id == id, http.RequestAborted);
        if (entity is null)
        {
            return (null, MissingOrStale.Missing(ApiProblems.NotFound(resource, id)));
        }

        return ETags.IfMatchHolds(http.Request, entity)
            ? (entity, null)
            : (null, MissingOrStale.Stale(ApiProblems.PreconditionFailed(entity.Version)));
    }

    public static Created<TResponse> Created<TEntity, TResponse>(HttpContext http, string location, TEntity entity, Func<TEntity, TResponse> map)
        where TEntity : Entity
    {
        ETags.Set(http.Response, entity);
        return TypedResults.Created(location, map(entity));
    }

    public static Ok<TResponse> Updated<TEntity, TResponse>(HttpContext http, TEntity entity, Func<TEntity, TResponse> map)
        where TEntity : Entity
    {
        ETags.Set(http.Response, entity);
        return TypedResults.Ok(map(entity));
    }
}
