using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Http;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>Checks that referenced ids exist in the caller's tenant; another tenant's id reads as unknown.</summary>
public static class References
{
    public static async Task CheckAsync<TEntity>(
        IQueryable<TEntity> set, string field, string? id, string resource, FieldErrors errors, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        if (id is not null && !await set.AnyAsync(e => e.Id == id, cancellationToken))
        {
            errors.Add(field, $"no {resource} '{id}' exists in this tenant.");
        }
    }
}
