using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Softswitch.Domain;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// One signed POST. The SSRF guard runs where the connection is made: the host is resolved at each connection and
/// only addresses <see cref="WebhookTargetRule"/> calls public are dialled (unless private targets are allowed), so a
/// name that later resolves to 127.0.0.1 or 169.254.169.254 (DNS rebinding) reaches nothing. Redirects are not
/// followed, and the response body is never read: a receiver cannot make us hold its answer.
/// </summary>
public sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _time;

    public HttpWebhookSender(WebhookOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        var allowPrivate = options.AllowPrivateTargets;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 16,
            ConnectCallback = (context, token) => ConnectAsync(context.DnsEndPoint, allowPrivate, token),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Sends and times the attempt. Cancellation of <paramref name="cancellationToken"/> (a timeout of the caller's)
    /// propagates; every other failure is an attempt with no status and an error.
    /// </summary>
    public async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, string eventId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var started = _time.GetTimestamp();
        var now = _time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ReadOnlyMemoryContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, eventId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(
            WebhookSignature.SignatureHeader, WebhookSignature.Sign(eventId, now, payload.Span, WebhookSignature.SecretsAt(endpoint, now.UtcDateTime)));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Softswitch-Webhooks", "1"));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return new WebhookAttempt((int)response.StatusCode, _time.GetElapsedTime(started), null, RetryAfterOf(response));
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or IOException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, _time.GetElapsedTime(started), Describe(exception), null);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Dials only the public addresses of <paramref name="target"/> (all of them with <paramref name="allowPrivate"/>): the SSRF guard.</summary>
    internal static async ValueTask<Stream> ConnectAsync(DnsEndPoint target, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(target.Host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(a => allowPrivate || WebhookTargetRule.IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{target.Host} resolves to no public address (SSRF guard).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, target.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string Describe(Exception exception)
    {
        var message = (exception.InnerException ?? exception).Message;
        return message.Length > WebhookDelivery.ErrorMaxLength ? message[..WebhookDelivery.ErrorMaxLength] : message;
    }
}
