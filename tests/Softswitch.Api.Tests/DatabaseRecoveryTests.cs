using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

public sealed class DatabaseRecoveryTests
{
    [Fact]
    public async Task A_switch_started_without_its_database_migrates_it_and_loads_from_it_once_it_can_be_opened()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var folder = Directory.CreateTempSubdirectory("softswitch-recovery-").FullName;
        var databasePath = Directory.CreateDirectory(Path.Combine(folder, "softswitch.db")).FullName;
        try
        {
            await using var app = new TestApplication(
                new Dictionary<string, string?>
                {
                    ["Softswitch:Roles"] = "switch",
                    ["Softswitch:Sip:Address"] = "127.0.0.1",
                    ["Softswitch:Sip:Port"] = "0",
                    ["Softswitch:Database:ConnectionString"] = $"Data Source={databasePath};Pooling=False",
                },
                clock);
            using var client = app.CreateClient();
            var before = await SwitchConfigAsync(client);

            // The path stops being a directory: SQLite can now create the file there.
            Directory.Delete(databasePath);
            var after = before;
            for (var i = 0; i < 120 && after["data"]!["origin"]!.GetValue<string>() != "Database"; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(25);
                after = await SwitchConfigAsync(client);
            }

            Assert.Equal("None", before["data"]!["origin"]!.GetValue<string>());
            Assert.Equal("Database", after["data"]!["origin"]!.GetValue<string>());
            Assert.Equal("Healthy", after["status"]!.GetValue<string>());
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "switch-config.json")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonNode> SwitchConfigAsync(HttpClient client)
    {
        using var ready = await client.GetAsync("/healthz/ready");
        return (await ready.ReadObjectAsync())["checks"]!["switch_config"]!;
    }
}
