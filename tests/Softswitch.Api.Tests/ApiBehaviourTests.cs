using System.Net;
using System.Net.Http.Headers;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

public sealed class ApiBehaviourTests
{
    [Fact]
    public async Task Idempotent_replay_returns_the_first_response_and_creates_once()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var body = new { name = "Acme", kind = "client", currency = "USD" };

        using var first = await Send(tenant.Client, "key-1", body);
        using var replay = await Send(tenant.Client, "key-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        var list = await (await tenant.Client.GetAsync("/v1/accounts")).ReadObjectAsync();
        Assert.Single(list["data"]!.AsArray());
    }

    [Fact]
    public async Task Same_idempotency_key_with_another_body_is_422()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var first = await Send(tenant.Client, "key-2", new { name = "Acme", kind = "client", currency = "USD" });
        using var other = await Send(tenant.Client, "key-2", new { name = "Other", kind = "client", currency = "USD" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var list = await (await tenant.Client.GetAsync("/v1/accounts")).ReadObjectAsync();
        Assert.Single(list["data"]!.AsArray());
    }

    [Fact]
    public async Task Idempotency_keys_are_per_tenant()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("a");
        using var b = await app.CreateTenantAsync("b");
        var body = new { name = "Acme", kind = "client", currency = "USD" };

        using var fromA = await Send(a.Client, "shared-key", body);
        using var fromB = await Send(b.Client, "shared-key", body);

        Assert.Equal(HttpStatusCode.Created, fromB.StatusCode);
        Assert.False(fromB.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(fromA.Headers.Location, fromB.Headers.Location);
    }

    [Fact]
    public async Task Stale_if_match_is_412_and_changes_nothing()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var id = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD" });
        using var get = await tenant.Client.GetAsync($"/v1/accounts/{id}");
        var etag = get.Headers.ETag!;
        var update = new { name = "Renamed", credit_limit = 5m, status = "active" };

        using var fresh = await PutWithIfMatch(tenant.Client, $"/v1/accounts/{id}", update, etag);
        using var stale = await PutWithIfMatch(tenant.Client, $"/v1/accounts/{id}", new { name = "Lost", credit_limit = 1m, status = "active" }, etag);
        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, $"/v1/accounts/{id}");
        staleDelete.Headers.IfMatch.Add(etag);
        using var deleted = await tenant.Client.SendAsync(staleDelete);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionFailed, deleted.StatusCode);
        var current = await (await tenant.Client.GetAsync($"/v1/accounts/{id}")).ReadObjectAsync();
        Assert.Equal("Renamed", current["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_through_1200_rows_has_no_duplicates_or_gaps()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var created = new List<string>();
        for (var i = 0; i < 1200; i++)
        {
            created.Add(await tenant.Client.CreateAsync("/v1/accounts", new { name = $"acct {i:D4}", kind = "client", currency = "USD" }));
        }

        var seen = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var url = "/v1/accounts?limit=137" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var body = await (await tenant.Client.GetAsync(url)).ReadObjectAsync();
            seen.AddRange(body["data"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            if (!body["has_more"]!.GetValue<bool>())
            {
                Assert.Null(body["next_cursor"]?.GetValue<string>());
                break;
            }

            cursor = body["next_cursor"]!.GetValue<string>();
        }

        Assert.Equal(1200, seen.Count);
        Assert.Equal(1200, seen.Distinct().Count());
        Assert.Equal(created.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Tenant_rate_limit_answers_429_with_retry_after()
    {
        await using var app = new TestApplication(new Dictionary<string, string?>
        {
            ["Softswitch:RateLimit:PermitsPerSecond"] = "1",
            ["Softswitch:RateLimit:Burst"] = "5",
        });
        using var limited = await app.CreateTenantAsync("limited");
        using var other = await app.CreateTenantAsync("other");

        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 20 && rejected is null; i++)
        {
            var response = await limited.Client.GetAsync("/v1/accounts");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(rejected);
        Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var otherTenant = await other.Client.GetAsync("/v1/accounts");
        Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
        rejected.Dispose();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/accounts") { Content = ApiJson.Body(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PutWithIfMatch(HttpClient client, string path, object body, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = ApiJson.Body(body) };
        request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }
}
