using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Softswitch.Api.Auth;
using Softswitch.Api.Hosting;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

/// <summary>
/// <c>Idempotency-Key</c> on POST (draft-ietf-httpapi-idempotency-key-header): the first successful (2xx) response is
/// stored for 24 h per caller scope and replayed for the same key and body; the same key with a different request
/// gets 422, and while the first request is still running another with its key gets 409 and does not run.
/// </summary>
/// <remarks>
/// An endpoint whose response shows a secret once names a secret-free body for replays with
/// <see cref="IdempotentReplay.AnswerWith"/>; only that body is stored.
/// </remarks>
public sealed class IdempotencyMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private const int MaxKeyLength = 255;

    private readonly IdempotencyClaims claims = new(scopes, time);

    public async Task InvokeAsync(HttpContext http)
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

        var requestHash = await HashRequestAsync(http);
        var (claimId, stored) = await claims.ClaimAsync(
            ScopeOf(http), key, requestHash, http.Request.Method, http.Request.Path.Value ?? "", http.RequestAborted);
        if (claimId is null)
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
        catch
        {
            await claims.ReleaseAsync(claimId);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode is >= 200 and < 300)
        {
            await claims.CompleteAsync(
                claimId, http.Response.StatusCode, StoredBody(http, buffer), http.Response.ContentType,
                http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null);
        }
        else
        {
            await claims.ReleaseAsync(claimId);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ReplayOrRejectAsync(HttpContext http, IdempotencyRecord? stored, string requestHash)
    {
        if (stored is not null && stored.RequestHash != requestHash)
        {
            await ApiProblems.Write(http, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
            return;
        }

        if (stored is null || stored.IsInFlight)
        {
            // draft-ietf-httpapi-idempotency-key-header, "Error Scenarios": a retry while the original is still processed is 409.
            await ApiProblems.Write(http, StatusCodes.Status409Conflict, "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry once it has finished to get its response.");
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

    private static string StoredBody(HttpContext http, MemoryStream sent)
    {
        if (IdempotentReplay.BodyFor(http) is { } replay)
        {
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return JsonSerializer.Serialize(replay, replay.GetType(), json);
        }

        return Encoding.UTF8.GetString(sent.GetBuffer(), 0, (int)sent.Length);
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
}
