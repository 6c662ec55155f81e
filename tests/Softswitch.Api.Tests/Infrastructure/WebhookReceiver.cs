using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Softswitch.Api.Tests.Infrastructure;

/// <summary>A CRM on loopback (WireMock) that answers webhooks with a chosen status and keeps what it received.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public WebhookReceiver(int status = 200) => Answer(status);

    public string Url(string path = "/hooks") => _server.Url + path;

    public void Answer(int status, string? retryAfter = null, TimeSpan? delay = null)
    {
        _server.ResetMappings();
        var response = Response.Create().WithStatusCode(status);
        if (delay is { } slow)
        {
            response = response.WithDelay(slow);
        }

        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        _server.Given(Request.Create().UsingPost()).RespondWith(response);
    }

    public IReadOnlyList<ILogEntry> Requests => _server.LogEntries.ToList();

    /// <summary>The bodies of the requests answered <paramref name="status"/>.</summary>
    public IReadOnlyList<JsonObject> Bodies(int status = 200) =>
        Requests.Where(r => r.ResponseMessage?.StatusCode is int code && code == status)
            .Select(r => JsonNode.Parse(r.RequestMessage!.Body!)!.AsObject()).ToList();

    public void Dispose() => _server.Stop();
}
