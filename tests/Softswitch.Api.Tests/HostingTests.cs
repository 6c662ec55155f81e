using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Softswitch.Api.Hosting;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        await using var app = new TestApplication();
        using var client = app.CreateClient();

        using var live = await client.GetAsync("/healthz/live");
        using var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Database_startup_stops_quietly_after_the_host_disposed_it()
    {
        // Seen in a CI run: the host's stop outlasted its timeout, the host was disposed, and a second stop then reached
        // the disposed service.
        await using var app = new TestApplication();
        using var client = app.CreateClient();
        var startup = app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single();

        startup.Dispose();
        startup.Dispose();
        await startup.StoppingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task First_run_seeds_the_demo_tenant_once_and_stores_only_key_hashes()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "softswitch-tests", Guid.NewGuid().ToString("n"));
        var settings = new Dictionary<string, string?>
        {
            ["Softswitch:DataDir"] = dataDir,
            ["Softswitch:SeedDemo"] = "true",
            ["Softswitch:PlatformAdminKey"] = "",
        };
        for (var run = 0; run < 2; run++)
        {
            await using var app = new TestApplication(settings);
            using var client = app.CreateClient();
            using var ready = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "softswitch.db")};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Tenants"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM ApiKeys WHERE TenantId IS NULL"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Routes"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM ApiKeys WHERE SecretHash LIKE 'ssk_%'"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
