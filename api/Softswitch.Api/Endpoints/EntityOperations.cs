using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>The read-one and delete steps every tenant resource shares; the tenant filter is applied by the query.</summary>
public static class EntityOperations
{
    public static async Task<IResult> GetAsync<TEntity, TResponse>(
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

    public static async Task<IResult> DeleteAsync<TEntity>(
        SoftswitchDbContext db, DbSet<TEntity> set, string id, string resource, HttpContext http)
        where TEntity : Entity
    {
        var entity = await set.SingleOrDefaultAsync(e => e.Id == id, http.RequestAborted);
        if (entity is null)
        {
            return ApiProblems.NotFound(resource, id);
        }

        if (!ETags.IfMatchHolds(http.Request, entity))
        {
            return ApiProblems.PreconditionFailed(entity.Version);
        }

        set.Remove(entity);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>Loads a row for update, answering 404 or 412 when it is missing or If-Match is stale.</summary>
    public static async Task<(TEntity? Entity, IResult? Failure)> LoadForUpdateAsync<TEntity>(
        DbSet<TEntity> set, string id, string resource, HttpContext http)
        where TEntity : Entity
    {
        var entity = await set.SingleOrDefaultAsync(e => e.Id == id, http.RequestAborted);
        if (entity is null)
        {
            return (null, ApiProblems.NotFound(resource, id));
        }

        return ETags.IfMatchHolds(http.Request, entity)
            ? (entity, null)
            : (null, ApiProblems.PreconditionFailed(entity.Version));
    }

    public static IResult Created<TEntity, TResponse>(HttpContext http, string location, TEntity entity, Func<TEntity, TResponse> map)
        where TEntity : Entity
    {
        ETags.Set(http.Response, entity);
        return TypedResults.Created(location, map(entity));
    }

    public static IResult Updated<TEntity, TResponse>(HttpContext http, TEntity entity, Func<TEntity, TResponse> map)
        where TEntity : Entity
    {
        ETags.Set(http.Response, entity);
        return TypedResults.Ok(map(entity));
    }
}
