using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Hosting;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first successful (2xx) response is stored for 24 h per caller scope and
/// replayed for the same key and body; the same key with a different request gets 422.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext http, SoftswitchDbContext db, TimeProvider time)
    {
        var key = http.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || key.Length == 0
            || http.User.Identity?.IsAuthenticated != true || !http.Request.Path.StartsWithSegments("/v1"))
        {
            await next(http);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await ApiProblems.Write(http, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"Idempotency-Key must be at most {MaxKeyLength} characters.");
            return;
        }

        var scope = ScopeOf(http);
        var requestHash = await HashRequestAsync(http);
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key && r.ExpiresAt > now, http.RequestAborted);
        if (stored is not null)
        {
            await ReplayOrRejectAsync(http, stored, requestHash);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode is >= 200 and < 300)
        {
            await RememberAsync(http, scope, key, requestHash, buffer.ToArray(), now);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ReplayOrRejectAsync(HttpContext http, IdempotencyRecord stored, string requestHash)
    {
        if (stored.RequestHash != requestHash)
        {
            await ApiProblems.Write(http, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
            return;
        }

        http.Response.StatusCode = stored.StatusCode;
        http.Response.Headers[ReplayedHeader] = "true";
        if (stored.Location is not null)
        {
            http.Response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            http.Response.Headers.ETag = stored.ETag;
        }

        if (stored.ResponseContentType is not null)
        {
            http.Response.ContentType = stored.ResponseContentType;
        }

        await http.Response.WriteAsync(stored.ResponseBody, http.RequestAborted);
    }

    private static async Task RememberAsync(
        HttpContext http, string scope, string key, string requestHash, byte[] body, DateTime now)
    {
        await using var services = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<SoftswitchDbContext>();
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = requestHash,
            Method = http.Request.Method,
            Path = Truncate(http.Request.Path.Value ?? "", 500),
            StatusCode = http.Response.StatusCode,
            ResponseBody = Encoding.UTF8.GetString(body),
            ResponseContentType = http.Response.ContentType,
            Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            ExpiresAt = now + Retention,
        });
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException e) when (ConstraintViolation.IsUnique(e))
        {
            // A concurrent request with the same key stored its response first; that one is the record of truth.
        }
    }

    private static string ScopeOf(HttpContext http)
    {
        var caller = ApiCaller.From(http.User);
        return caller.TenantId ?? "platform/" + http.Request.Headers[RequestTenantContext.TenantHeader].ToString();
    }

    private static async Task<string> HashRequestAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method}\n{http.Request.Path}{http.Request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
