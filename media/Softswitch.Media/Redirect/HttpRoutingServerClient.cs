using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Softswitch.Media.Webhooks;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Redirect;

namespace Softswitch.Media.Redirect;

/// <summary>
/// Asks an HTTP routing server: <c>POST</c> of the call's facts as JSON, answered 200 with
/// <c>{decision?, code?, routes:[{uri | routing_gateway_id, q?}], headers?}</c>. <c>decision</c> is <c>routes</c> (the
/// default when routes are given), <c>own_routes</c> or <c>refuse</c> (with <c>code</c> 403 or 603, default 603). Any
/// other status, a body that is not such JSON or over <see cref="MaxResponseBytes"/>, and a timeout are failures. The
/// webhooks' SSRF guard applies: only public addresses are dialled (unless <see cref="RedirectOptions.AllowPrivateTargets"/>)
/// and redirects are not followed.
/// </summary>
public sealed class HttpRoutingServerClient : IRoutingServerClient, IDisposable
{
    public const int MaxResponseBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _client;

    public HttpRoutingServerClient(RedirectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowPrivate = options.AllowPrivateTargets;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 16,
            ConnectCallback = (context, token) => HttpWebhookSender.ConnectAsync(context.DnsEndPoint, allowPrivate, token),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxResponseBytes };
    }

    public async Task<RoutingServerAnswer> AskAsync(RoutingServer server, RoutingQuery query, IReadOnlyList<string> carryHeaders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(query);
        var url = server.Http ?? throw new ArgumentException("Not an HTTP routing server.", nameof(server));
        var facts = new QueryBody(query.CdrId, query.Caller, query.Callee, query.Source, query.AccountId, query.MappingGatewayId, query.PhoneId);
        try
        {
            using var response = await _client.PostAsJsonAsync(url, facts, Json, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode != 200)
            {
                return RoutingServerAnswer.Failed((int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync<AnswerBody>(Json, cancellationToken).ConfigureAwait(false);
            return body is null ? RoutingServerAnswer.Failed(200, "Empty answer") : Read(body, carryHeaders);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return RoutingServerAnswer.Failed(408, "Timeout");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or NotSupportedException or IOException)
        {
            return RoutingServerAnswer.Failed(503, exception is JsonException ? "Unreadable answer" : "Unreachable");
        }
    }

    public void Dispose() => _client.Dispose();

    internal static RoutingServerAnswer Read(AnswerBody body, IReadOnlyList<string> carryHeaders)
    {
        switch (body.Decision)
        {
            case "own_routes":
                return RoutingServerAnswer.OwnRoutes(200);
            case "refuse":
                var code = body.Code is 403 or 603 ? body.Code.Value : 603;
                return RoutingServerAnswer.Refuse(code, "Refused");
            case null or "routes":
                var targets = (body.Routes ?? [])
                    .Take(RedirectSettings.MaxTargets * 2)
                    .Select(ToTarget)
                    .OfType<RedirectTarget>()
                    .ToArray();
                return new RoutingServerAnswer(RoutingServerVerdict.Redirect, 200, targets, RedirectHeaders.Pick(body.Headers, carryHeaders), "Redirected");
            default:
                return RoutingServerAnswer.Failed(200, "Unknown decision");
        }
    }

    private static RedirectTarget? ToTarget(RouteBody route)
    {
        var q = Math.Clamp(route.Q ?? 1, 0, 1);
        if (route.RoutingGatewayId is { } gateway)
        {
            return new RedirectTarget(route.Uri is { } text && SipUri.TryParse(text, out var numbered) ? numbered : null, gateway, q);
        }

        return route.Uri is { } uriText && SipUri.TryParse(uriText, out var uri) ? new RedirectTarget(uri, null, q) : null;
    }

    private sealed record QueryBody(string CdrId, string Caller, string Callee, string Source, string AccountId, string? MappingGatewayId, string? PhoneId);

    internal sealed record AnswerBody(string? Decision, int? Code, IReadOnlyList<RouteBody>? Routes, IReadOnlyDictionary<string, string>? Headers);

    internal sealed record RouteBody(string? Uri, string? RoutingGatewayId, double? Q);
}
