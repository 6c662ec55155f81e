using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Data.Sqlite;

namespace Softswitch.Api.Tests;

/// <summary>A tenant's SIP domain is stored lower-case and unique without regard to case (RFC 4343).</summary>
public sealed class TenantSipDomainTests
{
    [Fact]
    public async Task Domains_differing_only_by_case_conflict_and_are_stored_lower_case()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();

        using var first = await platform.PostJsonAsync("/v1/tenants", Tenant("First Carrier", "Carrier-One.Example.NET"));
        using var sameLower = await platform.PostJsonAsync("/v1/tenants", Tenant("Second", "carrier-one.example.net"));
        var secondId = await platform.CreateAsync("/v1/tenants", Tenant("Second", "second.example.net"));
        using var get = await platform.GetAsync($"/v1/tenants/{secondId}");
        using var renamed = await platform.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/v1/tenants/{secondId}")
        {
            Content = ApiJson.Body(Tenant("Second", "CARRIER-ONE.example.net")),
            Headers = { IfMatch = { get.Headers.ETag! } },
        });
        using var filtered = await platform.GetAsync("/v1/tenants?sip_domain=CARRIER-ONE.EXAMPLE.NET");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.ReadObjectAsync();
        Assert.Equal("carrier-one.example.net", created["sip_domain"]!.GetValue<string>());
        foreach (var conflict in new[] { sameLower, renamed })
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
            var text = await conflict.Content.ReadAsStringAsync();
            Assert.DoesNotContain(created["id"]!.GetValue<string>(), text, StringComparison.Ordinal);
            Assert.DoesNotContain("First Carrier", text, StringComparison.Ordinal);
        }

        Assert.Single((await filtered.ReadObjectAsync())["data"]!.AsArray());
        Assert.Equal(["carrier-one.example.net", "second.example.net"], await StoredDomainsAsync(app.DatabasePath));
    }

    [Fact]
    public async Task The_migration_lower_cases_existing_domains()
    {
        await using var app = new TestApplication();
        Directory.CreateDirectory(Path.GetDirectoryName(app.DatabasePath)!);
        await MigrateToAsync(app.DatabasePath, "Cdrs");
        await ExecuteAsync(app.DatabasePath, """
            INSERT INTO Tenants (Id, Name, SipDomain, Status, DefaultCurrency, CreatedAt, UpdatedAt, Version)
            VALUES ('ten_legacy', 'Legacy', 'Legacy.Example.NET', 'Active', 'USD', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)
            """);

        using var platform = app.PlatformClient();
        using var legacy = await platform.GetAsync("/v1/tenants/ten_legacy");
        using var clash = await platform.PostJsonAsync("/v1/tenants", Tenant("Newcomer", "legacy.example.net"));

        Assert.Equal("legacy.example.net", (await legacy.ReadObjectAsync())["sip_domain"]!.GetValue<string>());
        Assert.Equal(["legacy.example.net"], await StoredDomainsAsync(app.DatabasePath));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
    }

    private static object Tenant(string name, string domain) => new { name, sip_domain = domain, default_currency = "USD" };

    /// <summary>A database as an older release left it: migrated only up to <paramref name="migration"/>.</summary>
    private static async Task MigrateToAsync(string path, string migration)
    {
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>().UseSoftswitchSqlite($"Data Source={path};Pooling=False").Options;
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System);
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> StoredDomainsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SipDomain FROM Tenants ORDER BY SipDomain";
        var domains = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            domains.Add(reader.GetString(0));
        }

        return domains;
    }
}
