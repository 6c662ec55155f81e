using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;
using StandardWebhooks;

namespace Softswitch.Api.Tests;

/// <summary><c>/v1/webhook-endpoints</c> and <c>/v1/webhook-deliveries</c>: shape, signing, rotation and the SSRF guard.</summary>
public sealed class WebhookApiTests
{
    private static readonly Dictionary<string, string?> LoopbackAllowed = new() { ["Softswitch:Webhooks:AllowPrivateTargets"] = "true" };

    [Fact]
    public async Task Create_shows_the_secret_once_and_reads_never_show_it()
    {
        await using var app = new TestApplication(LoopbackAllowed);
        using var tenant = await app.CreateTenantAsync("alpha");
        using var created = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", new
        {
            url = "http://127.0.0.1:9/hooks", event_types = new[] { "call.completed", "call.refused" }, description = "CRM",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadObjectAsync();
        Assert.StartsWith(WebhookSecret.Prefix, body["secret"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["call.completed", "call.refused"], body["event_types"]!.AsArray().Select(t => t!.GetValue<string>()));
        var id = body["id"]!.GetValue<string>();

        var read = await tenant.Client.GetStringAsync($"/v1/webhook-endpoints/{id}");
        Assert.DoesNotContain("whsec_", read, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", await tenant.Client.GetStringAsync("/v1/webhook-endpoints"), StringComparison.Ordinal);

        using var updated = await tenant.Client.PutJsonAsync($"/v1/webhook-endpoints/{id}", new
        {
            url = "http://127.0.0.1:9/other", event_types = new[] { "call.initiated" }, enabled = false,
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.False((await updated.ReadObjectAsync())["enabled"]!.GetValue<bool>());
        using var deleted = await tenant.Client.DeleteAsync($"/v1/webhook-endpoints/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Metadata_headers_are_kept_and_bad_or_credential_headers_are_refused()
    {
        await using var app = new TestApplication(LoopbackAllowed);
        using var tenant = await app.CreateTenantAsync("alpha");
        using var created = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", new
        {
            url = "http://127.0.0.1:9/hooks", event_types = new[] { "call.completed" }, metadata_headers = new[] { "X-Crm-Id", "Subject" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["X-Crm-Id", "Subject"], (await created.ReadObjectAsync())["metadata_headers"]!.AsArray().Select(h => h!.GetValue<string>()));

        foreach (var (headers, expected) in new (string[] Headers, string Message)[]
        {
            (["Proxy-Authorization"], "credentials"),
            (["X Crm"], "not a SIP header name"),
            ([.. Enumerable.Range(0, 11).Select(i => $"X-H{i}")], "at most 10"),
        })
        {
            using var refused = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", new
            {
                url = "http://127.0.0.1:9/hooks", event_types = new[] { "call.completed" }, metadata_headers = headers,
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.ReadObjectAsync();
            Assert.Contains(expected, problem["errors"]!["metadata_headers"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Idempotent_replay_of_a_create_withholds_the_secret()
    {
        await using var app = new TestApplication(LoopbackAllowed);
        using var tenant = await app.CreateTenantAsync("alpha");
        tenant.Client.DefaultRequestHeaders.Add("Idempotency-Key", "hook-1");
        var request = new { url = "http://127.0.0.1:9/hooks", event_types = new[] { "call.completed" } };
        using var first = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", request);
        using var replay = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", request);
        var original = await first.ReadObjectAsync();
        var replayed = await replay.ReadObjectAsync();
        Assert.Equal(original["id"]!.GetValue<string>(), replayed["id"]!.GetValue<string>());
        Assert.NotNull(original["secret"]);
        Assert.Null(replayed["secret"]);
        Assert.NotNull(replayed["secret_withheld"]);
    }

    [Theory]
    [InlineData("call.answered,sms.sent", "event_types")]
    [InlineData("", "event_types")]
    [InlineData("call.answered", "url", "ftp://203.0.113.50/hooks")]
    [InlineData("call.answered", "url", "https://user:pw@203.0.113.50/hooks")]
    public async Task Bad_requests_name_the_field(string types, string field, string url = "https://203.0.113.50/hooks")
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        using var response = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", new
        {
            url, event_types = types.Split(',', StringSplitOptions.RemoveEmptyEntries),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]![field]);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://10.1.2.3/hooks")]
    [InlineData("http://192.168.1.10/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hooks")]
    [InlineData("http://[fd00::1]/hooks")]
    [InlineData("http://[fe80::1]/hooks")]
    [InlineData("http://[::ffff:127.0.0.1]/hooks")]
    public async Task Ssrf_guard_refuses_non_public_targets(string url)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        using var response = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", new { url, event_types = new[] { "call.completed" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("private", (await response.ReadObjectAsync())["errors"]!["url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ssrf_guard_holds_at_delivery_time_for_a_target_that_turned_private()
    {
        // Saved while it was allowed (or a name that resolved publicly then): the sender checks each connection again.
        await using var app = new TestApplication();
        var sender = app.Services.GetRequiredService<IWebhookSender>();
        using var receiver = new WebhookReceiver();
        var endpoint = new WebhookEndpoint { Id = "whe_x", Url = receiver.Url().Replace("127.0.0.1", "localhost", StringComparison.Ordinal), Secret = WebhookSecret.Generate() };

        var attempt = await sender.SendAsync(endpoint, "evt_x", "{}"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.Null(attempt.StatusCode);
        Assert.Contains("SSRF", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Test_send_arrives_signed_and_StandardWebhooks_verifies_it()
    {
        await using var app = new TestApplication(LoopbackAllowed);
        using var tenant = await app.CreateTenantAsync("alpha");
        using var receiver = new WebhookReceiver();
        var (id, secret) = await CreateEndpointAsync(tenant, receiver.Url());

        using var sent = await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/test", null);
        var delivery = await sent.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("succeeded", delivery["status"]!.GetValue<string>());
        Assert.Equal(200, delivery["response_code"]!.GetValue<int>());
        Assert.NotNull(delivery["latency_milliseconds"]);
        var request = Assert.Single(receiver.Requests).RequestMessage!;
        new StandardWebhook(secret).Verify(request.Body!, HeadersOf(request));
        Assert.Equal(delivery["event_id"]!.GetValue<string>(), request.Headers!["webhook-id"].Single());
        var listed = JsonNode.Parse(await tenant.Client.GetStringAsync($"/v1/webhook-deliveries?endpoint_id={id}"))!["data"]!.AsArray();
        Assert.Equal(delivery["id"]!.GetValue<string>(), Assert.Single(listed)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rotation_signs_with_both_secrets_during_the_overlap()
    {
        await using var app = new TestApplication(LoopbackAllowed);
        using var tenant = await app.CreateTenantAsync("alpha");
        using var receiver = new WebhookReceiver();
        var (id, oldSecret) = await CreateEndpointAsync(tenant, receiver.Url());

        using var rotated = await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/rotate-secret", null);
        var newSecret = (await rotated.ReadObjectAsync())["secret"]!.GetValue<string>();
        (await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/test", null)).EnsureSuccessStatusCode();

        Assert.NotEqual(oldSecret, newSecret);
        var request = Assert.Single(receiver.Requests).RequestMessage!;
        var signatures = request.Headers!["webhook-signature"].Single().Split(' ');
        Assert.Equal(2, signatures.Length);
        new StandardWebhook(newSecret).Verify(request.Body!, HeadersOf(request));
        // StandardWebhooks 1.1.2 stops after the first of two space-separated signatures (its loop ends when the
        // last space is passed), so the old secret is checked against each signature on its own.
        Assert.Single(signatures, signature => Verifies(oldSecret, request, signature));
    }

    [Fact]
    public async Task Listing_filters_by_status_and_rejects_unknown_status()
    {
        await using var app = new TestApplication(LoopbackAllowed);
        using var tenant = await app.CreateTenantAsync("alpha");
        using var receiver = new WebhookReceiver(500);
        var (id, _) = await CreateEndpointAsync(tenant, receiver.Url());
        (await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/test", null)).EnsureSuccessStatusCode();

        var pending = JsonNode.Parse(await tenant.Client.GetStringAsync("/v1/webhook-deliveries?status=pending"))!["data"]!.AsArray();
        var succeeded = JsonNode.Parse(await tenant.Client.GetStringAsync("/v1/webhook-deliveries?status=succeeded"))!["data"]!.AsArray();
        using var bad = await tenant.Client.GetAsync("/v1/webhook-deliveries?status=lost");

        Assert.Equal(500, Assert.Single(pending)!["response_code"]!.GetValue<int>());
        Assert.Empty(succeeded);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    internal static async Task<(string Id, string Secret)> CreateEndpointAsync(TestTenant tenant, string url, params string[] types)
    {
        using var created = await tenant.Client.PostJsonAsync("/v1/webhook-endpoints", new
        {
            url, event_types = types.Length > 0 ? types : WebhookEventTypes.Subscribable.ToArray(),
        });
        var body = await created.ReadObjectAsync();
        return (body["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>());
    }

    private static bool Verifies(string secret, WireMock.IRequestMessage request, string signature)
    {
        var headers = HeadersOf(request);
        headers["webhook-signature"] = signature;
        try
        {
            new StandardWebhook(secret).Verify(request.Body!, headers);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    }

    private static HeaderDictionary HeadersOf(WireMock.IRequestMessage request)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, values) in request.Headers!)
        {
            headers[name] = values.ToArray();
        }

        return headers;
    }
}
