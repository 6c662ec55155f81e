using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Worker.Jobs;

namespace Softswitch.Api.Tests;

/// <summary>The threat feed job: APIBAN-shaped JSON from a file or a URL becomes bans, listed like the switch's own.</summary>
public sealed class ThreatFeedImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_feed_file_becomes_bans_that_are_extended_by_the_next_import_and_skips_what_is_not_an_address()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var feed = await FeedFileAsync("""{"ipaddress":["203.0.113.7","2001:db8::9","not-an-ip","203.0.113.7"]}""");
        await using var app = new TestApplication(Feed(feed), clock);
        using var platform = app.PlatformClient();

        Assert.Equal(2, await ImportAsync(app));
        var bans = await ListAsync(platform);
        Assert.Equal(["2001:db8::9", "203.0.113.7"], bans.Select(b => b!["address"]!.GetValue<string>()).Order());
        Assert.All(bans, b => Assert.Equal("feed", b!["rule"]!.GetValue<string>()));
        var firstExpiry = bans[0]!["expires_at"]!.GetValue<DateTime>();

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await ImportAsync(app));
        var extended = await ListAsync(platform);
        Assert.Equal(2, extended.Count);
        Assert.Equal(firstExpiry.AddHours(1), extended[0]!["expires_at"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task An_address_an_operator_lifted_is_not_banned_again_by_the_feed()
    {
        var feed = await FeedFileAsync("""{"ipaddress":["203.0.113.7"]}""");
        await using var app = new TestApplication(Feed(feed));
        using var platform = app.PlatformClient();
        await ImportAsync(app);

        using var lift = await platform.DeleteAsync("/v1/ip-bans/203.0.113.7", Ct);
        Assert.Equal(HttpStatusCode.NoContent, lift.StatusCode);

        Assert.Equal(0, await ImportAsync(app));
        Assert.Empty(await ListAsync(platform));
    }

    [Fact]
    public async Task A_feed_url_is_fetched_over_http()
    {
        var port = FreePort();
        using var server = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        server.Start();
        var serving = ServeOnceAsync(server, """{"ipaddress":["198.51.100.23"]}""");
        await using var app = new TestApplication(Feed($"http://127.0.0.1:{port}/apiban.json"));
        using var platform = app.PlatformClient();

        Assert.Equal(1, await ImportAsync(app));
        await serving;

        Assert.Equal("198.51.100.23", Assert.Single(await ListAsync(platform))!["address"]!.GetValue<string>());
        var why = await (await platform.GetAsync("/v1/security-events?address=198.51.100.23", Ct)).ReadObjectAsync();
        Assert.Contains("threat feed", Assert.Single(why["data"]!.AsArray())!["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_that_is_not_the_apiban_shape_fails_the_job_and_bans_nothing()
    {
        var feed = await FeedFileAsync("""["203.0.113.7"]""");
        await using var app = new TestApplication(Feed(feed));
        using var platform = app.PlatformClient();

        await Assert.ThrowsAsync<System.Text.Json.JsonException>(() => ImportAsync(app));
        Assert.Empty(await ListAsync(platform));
    }

    private static Dictionary<string, string?> Feed(string source) => new() { ["Softswitch:ThreatFeed:Source"] = source };

    private static async Task<int> ImportAsync(TestApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<ImportThreatFeedJob>(scope.ServiceProvider).RunAsync(Ct);
    }

    private static async Task<System.Text.Json.Nodes.JsonArray> ListAsync(HttpClient platform) =>
        (await (await platform.GetAsync("/v1/ip-bans", Ct)).ReadObjectAsync())["data"]!.AsArray();

    private static async Task<string> FeedFileAsync(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("threat-feed-").FullName, "apiban.json");
        await File.WriteAllTextAsync(path, json, Ct);
        return path;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task ServeOnceAsync(HttpListener server, string body)
    {
        var context = await server.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes, Ct);
        context.Response.Close();
    }
}
