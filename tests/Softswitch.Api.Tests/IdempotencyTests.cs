using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

public sealed class IdempotencyTests
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_new_api_key_secret_never_reaches_the_database_and_a_replay_withholds_it()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var platform = app.PlatformClient();
        var body = new { name = "integration", scopes = new[] { "read", "write" } };

        using var first = await Send(platform, $"/v1/tenants/{tenant.Id}/api-keys", "key-create-1", body);
        using var replay = await Send(platform, $"/v1/tenants/{tenant.Id}/api-keys", "key-create-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.ReadObjectAsync();
        var secret = created["key"]!.GetValue<string>();
        Assert.StartsWith("ssk_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        var replayed = await replay.ReadObjectAsync();
        Assert.Equal(created["id"]!.GetValue<string>(), replayed["id"]!.GetValue<string>());
        Assert.Null(replayed["key"]);
        Assert.Contains("shown only once", replayed["key_withheld"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(1L, await CountIdempotencyRecordsAsync(app));
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!, "softswitch.db*"))
        {
            Assert.False(Contains(file, secret), $"{Path.GetFileName(file)} holds the new key's secret.");
        }

        using var list = await platform.GetAsync($"/v1/tenants/{tenant.Id}/api-keys");
        Assert.Equal(2, (await list.ReadObjectAsync())["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Another_tenant_reusing_the_idempotency_key_and_path_gets_no_replay_of_the_first_tenants_key()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("a");
        using var b = await app.CreateTenantAsync("b");
        var body = new { name = "integration", scopes = new[] { "read" } };

        using var fromA = await Send(a.Client, $"/v1/tenants/{a.Id}/api-keys", "shared", body);
        using var fromB = await Send(b.Client, $"/v1/tenants/{a.Id}/api-keys", "shared", body);

        Assert.Equal(HttpStatusCode.Created, fromA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromB.StatusCode);
        Assert.False(fromB.Headers.Contains("Idempotent-Replayed"));
        var text = await fromB.Content.ReadAsStringAsync();
        Assert.DoesNotContain((await fromA.ReadObjectAsync())["id"]!.GetValue<string>(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_request_with_the_key_while_the_first_runs_is_409_and_only_the_first_runs()
    {
        var hold = new HoldingSaveInterceptor("Held");
        await using var app = new TestApplication(configureServices: hold.Register);
        using var tenant = await app.CreateTenantAsync("t");
        var body = new { name = "Held", kind = "client", currency = "USD" };

        var first = Send(tenant.Client, "/v1/accounts", "in-flight", body);
        await hold.Entered.WaitAsync(MaxWait);
        using var second = await Send(tenant.Client, "/v1/accounts", "in-flight", body);
        hold.Release();
        using var firstResponse = await first.WaitAsync(MaxWait);
        using var afterwards = await Send(tenant.Client, "/v1/accounts", "in-flight", body);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("still being processed", (await second.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
        Assert.True(afterwards.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(firstResponse.Headers.Location, afterwards.Headers.Location);
        using var list = await tenant.Client.GetAsync("/v1/accounts");
        Assert.Single((await list.ReadObjectAsync())["data"]!.AsArray());
    }

    [Fact]
    public async Task A_failed_request_frees_its_key_for_a_corrected_retry()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var invalid = await Send(tenant.Client, "/v1/accounts", "retry-me", new { name = "", kind = "client", currency = "USD" });
        using var corrected = await Send(tenant.Client, "/v1/accounts", "retry-me", new { name = "Acme", kind = "client", currency = "USD" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_request_lapses_after_its_lease()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TestApplication(time: time);
        using var tenant = await app.CreateTenantAsync("t");
        const string body = """{"name":"Acme","kind":"client","currency":"USD"}""";
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("POST\n/v1/accounts\n" + body)));
        await InsertInFlightClaimAsync(app, tenant.Id, "orphan", requestHash, time.GetUtcNow().UtcDateTime.AddMinutes(10));

        using var whileHeld = await SendRaw(tenant.Client, "/v1/accounts", "orphan", body);
        time.Advance(TimeSpan.FromMinutes(11));
        using var afterLease = await SendRaw(tenant.Client, "/v1/accounts", "orphan", body);

        Assert.Equal(HttpStatusCode.Conflict, whileHeld.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterLease.StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: ApiJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendRaw(HttpClient client, string path, string key, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = ApiJson.Raw(json) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static bool Contains(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }

    private static async Task<long> CountIdempotencyRecordsAsync(TestApplication app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM IdempotencyRecords";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What a process that died mid-request leaves behind: a claim with no response.</summary>
    private static async Task InsertInFlightClaimAsync(TestApplication app, string scope, string key, string requestHash, DateTime expiresAt)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(scope), TimeProvider.System);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = scope, Key = key, RequestHash = requestHash, Method = "POST", Path = "/v1/accounts",
            StatusCode = IdempotencyRecord.InFlightStatus, ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync();
    }
}
