using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Softswitch.Sdk.Http;

/// <summary>
/// Sends one API call: authentication, per-call headers, the call's timeout, retries (with one Idempotency-Key for
/// every send of a POST) and problem responses turned into <see cref="SoftswitchApiException"/>.
/// </summary>
internal sealed class ApiRequester
{
    public const string TenantHeader = "Softswitch-Tenant";
    public const string IdempotencyHeader = "Idempotency-Key";
    private const string JsonMediaType = "application/json";

    private readonly HttpClient http;
    private readonly SoftswitchClientOptions options;
    private readonly Uri baseAddress;
    private readonly RetryBackoff backoff;

    public ApiRequester(HttpClient http, SoftswitchClientOptions options)
    {
        this.http = http;
        this.options = options;
        var root = http.BaseAddress ?? options.BaseAddress
            ?? throw new ArgumentException("Set SoftswitchClientOptions.BaseAddress or the HttpClient's BaseAddress.", nameof(options));
        baseAddress = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        backoff = new RetryBackoff(options, Random.Shared.NextDouble);
    }

    public Task<T> SendAsync<T>(HttpMethod method, string path, object? body, RequestOptions? request, CancellationToken cancellationToken) =>
        SendAsync<T>(method, path, Json(body), request, cancellationToken);

    /// <summary>Sends <paramref name="body"/> as it is (a CSV file, a database upload) and reads a JSON answer.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, RequestBody? body, RequestOptions? request, CancellationToken cancellationToken)
    {
        return await WithTimeoutAsync(request, async token =>
        {
            using var response = await SendWithRetriesAsync(method, path, body, JsonMediaType, request, token);
            return await response.Content.ReadFromJsonAsync<T>(SoftswitchJson.Options, token)
                ?? throw new InvalidOperationException($"{method} {path} answered an empty body.");
        }, cancellationToken);
    }

    public async Task SendAsync(HttpMethod method, string path, object? body, RequestOptions? request, CancellationToken cancellationToken)
    {
        await WithTimeoutAsync(request, async token =>
        {
            using var response = await SendWithRetriesAsync(method, path, Json(body), JsonMediaType, request, token);
            return true;
        }, cancellationToken);
    }

    /// <summary>A GET whose answer is text of <paramref name="mediaType"/> (a CSV or script export), read whole.</summary>
    public async Task<string> GetTextAsync(string path, string mediaType, RequestOptions? request, CancellationToken cancellationToken)
    {
        return await WithTimeoutAsync(request, async token =>
        {
            using var response = await SendWithRetriesAsync(HttpMethod.Get, path, null, mediaType, request, token);
            return await response.Content.ReadAsStringAsync(token);
        }, cancellationToken);
    }

    /// <summary>
    /// A GET answered with a body too large to hold (an export): the stream reads it from the connection as the caller
    /// goes, and disposing it releases the connection. The call's timeout covers the wait for the response headers.
    /// </summary>
    public async Task<Stream> GetStreamAsync(string path, string mediaType, RequestOptions? request, CancellationToken cancellationToken)
    {
        return await WithTimeoutAsync(request, async token =>
        {
            var response = await SendWithRetriesAsync(HttpMethod.Get, path, null, mediaType, request, token, HttpCompletionOption.ResponseHeadersRead);
            return await response.Content.ReadAsStreamAsync(token);
        }, cancellationToken);
    }

    private async Task<T> WithTimeoutAsync<T>(RequestOptions? request, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var timeout = request?.Timeout ?? options.Timeout;
        using var timer = new CancellationTokenSource(timeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The call did not complete within {timeout}.");
        }
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        HttpMethod method, string path, RequestBody? body, string accept, RequestOptions? request, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var idempotencyKey = method == HttpMethod.Post ? request?.IdempotencyKey ?? Guid.NewGuid().ToString("n") : null;
        var maxRetries = body is { CanResend: false } ? 0 : options.MaxRetries;
        for (var retry = 0; ; retry++)
        {
            using var message = Build(method, path, body, accept, request, idempotencyKey);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message, completion, cancellationToken);
            }
            catch (HttpRequestException) when (retry < maxRetries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(backoff.DelayBefore(retry + 1), options.TimeProvider, cancellationToken);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            if (retry < maxRetries && RetryBackoff.IsRetryable(response.StatusCode)
                && backoff.TryServerDelay(response.Headers.RetryAfter, options.TimeProvider.GetUtcNow(), out var serverDelay))
            {
                response.Dispose();
                var delay = backoff.DelayBefore(retry + 1);
                await Task.Delay(serverDelay > delay ? serverDelay : delay, options.TimeProvider, cancellationToken);
                continue;
            }

            using (response)
            {
                throw await ProblemAsync(response, cancellationToken);
            }
        }
    }

    private HttpRequestMessage Build(HttpMethod method, string path, RequestBody? body, string accept, RequestOptions? request, string? idempotencyKey)
    {
        var message = new HttpRequestMessage(method, new Uri(baseAddress, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (accept != JsonMediaType)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
        }

        if (idempotencyKey is not null)
        {
            message.Headers.Add(IdempotencyHeader, idempotencyKey);
        }

        if (request?.Tenant is { } tenant)
        {
            message.Headers.Add(TenantHeader, tenant);
        }

        if (request?.IfMatch is { } etag)
        {
            message.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        message.Content = body?.CreateContent();
        return message;
    }

    private static RequestBody? Json(object? body) =>
        body is null ? null : RequestBody.Text(JsonSerializer.Serialize(body, body.GetType(), SoftswitchJson.Options), JsonMediaType);

    private static async Task<SoftswitchApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ApiProblem? problem = null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is "application/problem+json" or "application/json")
        {
            problem = await response.Content.ReadFromJsonAsync<ApiProblem>(SoftswitchJson.Options, cancellationToken);
        }

        problem ??= new ApiProblem { Status = (int)response.StatusCode, Title = response.ReasonPhrase };
        return new SoftswitchApiException(response.StatusCode, problem);
    }
}
