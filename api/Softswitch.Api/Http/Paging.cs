using System.Buffers.Text;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

/// <summary>A page of a cursor-paged list: <c>{data, has_more, next_cursor}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, bool HasMore, string? NextCursor);

/// <summary>
/// Cursor paging over time-ordered ids: the cursor is the last id returned, opaque to clients, so rows inserted
/// while a client pages never shift the pages it has not read yet.
/// </summary>
public readonly record struct PageRequest(int Limit, string? AfterId)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static PageRequest Parse(int? limit, string? cursor, FieldErrors errors)
    {
        errors.Range("limit", limit, 1, MaxLimit);
        string? afterId = null;
        if (!string.IsNullOrEmpty(cursor) && !TryDecode(cursor, out afterId))
        {
            errors.Add("cursor", "is not a cursor this API issued; pass next_cursor from the previous page.");
        }

        return new PageRequest(limit ?? DefaultLimit, afterId);
    }

    public static string Encode(string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v1:" + id));

    private static bool TryDecode(string cursor, out string? id)
    {
        id = null;
        if (cursor.Length > 128)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        if (!Base64Url.TryDecodeFromChars(cursor, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes[..written]);
        if (!text.StartsWith("v1:", StringComparison.Ordinal) || text.Length <= 3)
        {
            return false;
        }

        id = text[3..];
        return true;
    }
}

public static class PagingExtensions
{
    public static async Task<Page<TResponse>> ToPageAsync<TEntity, TResponse>(
        this IQueryable<TEntity> query, PageRequest page, Func<TEntity, TResponse> map, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        if (page.AfterId is { } after)
        {
            query = query.Where(e => string.Compare(e.Id, after) > 0);
        }

        var rows = await query.OrderBy(e => e.Id).Take(page.Limit + 1).AsNoTracking().ToListAsync(cancellationToken);
        var hasMore = rows.Count > page.Limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<TResponse>(
            rows.Select(map).ToList(),
            hasMore,
            hasMore ? PageRequest.Encode(rows[^1].Id) : null);
    }
}
