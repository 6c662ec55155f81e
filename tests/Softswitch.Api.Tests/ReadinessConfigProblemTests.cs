using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Switch.Config;

namespace Softswitch.Api.Tests;

public sealed class ReadinessConfigProblemTests
{
    [Fact]
    public async Task A_row_the_switch_skips_shows_in_readiness_as_degraded_with_its_id()
    {
        await using var app = new TestApplication(new Dictionary<string, string?>
        {
            ["Softswitch:Roles"] = "api,switch",
            ["Softswitch:Sip:Address"] = "127.0.0.1",
            ["Softswitch:Sip:Port"] = "0",
        });
        using var first = await app.CreateTenantAsync("First");
        using var later = await app.CreateTenantAsync("Later");
        using var platform = app.PlatformClient();
        using var firstTenant = await platform.GetAsync($"/v1/tenants/{first.Id}");
        var domain = (await firstTenant.ReadObjectAsync())["sip_domain"]!.GetValue<string>();
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Tenants SET SipDomain = $domain, Version = Version + 1 WHERE Id = $id";
            command.Parameters.AddWithValue("$domain", domain.ToUpperInvariant());
            command.Parameters.AddWithValue("$id", later.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var source = app.Services.GetRequiredService<ISwitchConfigSource>();
        for (var i = 0; i < 50 && source.Current.Problems.Count == 0; i++)
        {
            await Task.Delay(100);
        }

        using var client = app.CreateClient();
        using var ready = await client.GetAsync("/healthz/ready");
        var config = (await ready.ReadObjectAsync())["checks"]!["switch_config"]!;

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", config["status"]!.GetValue<string>());
        Assert.Equal(1, config["data"]!["problem_rows"]!.GetValue<int>());
        var listed = Assert.Single(config["data"]!["problems"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith($"tenants {later.Id}: skipped", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Id, listed, StringComparison.Ordinal);
        Assert.True(source.Current.Tenants.ContainsKey(first.Id));
    }
}
