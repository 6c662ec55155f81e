using Microsoft.Net.Http.Headers;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

/// <summary>Strong ETags from the row version; <c>If-Match</c> guards updates and deletes (RFC 9110 §13.1.1).</summary>
public static class ETags
{
    public static string For(Entity entity) => $"\"{entity.Version}\"";

    public static void Set(HttpResponse response, Entity entity) => response.Headers.ETag = For(entity);

    /// <summary>True when the request has no If-Match, or one of its tags (or <c>*</c>) matches the entity.</summary>
    public static bool IfMatchHolds(HttpRequest request, Entity entity)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(For(entity));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: true));
    }
}
