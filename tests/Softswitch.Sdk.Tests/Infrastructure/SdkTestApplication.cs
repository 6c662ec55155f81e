using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Sdk.Tests.Infrastructure;

/// <summary>
/// The real API over its own SQLite file for one test, with <paramref name="settings"/> on top of the test defaults;
/// SDK clients reach it through the in-memory test server.
/// </summary>
public sealed class SdkTestApplication(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string PlatformKey = "ssk_admin_testonly.platform-key-used-only-by-sdk-tests";

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "softswitch-sdk-tests", Guid.NewGuid().ToString("n"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Softswitch:DataDir", dataDir);
        builder.UseSetting("Softswitch:PlatformAdminKey", PlatformKey);
        builder.UseSetting("Softswitch:SeedDemo", "false");
        builder.UseSetting("Softswitch:Roles", "api");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An SDK client with the given key; <paramref name="handlers"/> sit between the SDK and the server.</summary>
    public SoftswitchClient Sdk(string key, int maxRetries = 2, params DelegatingHandler[] handlers) =>
        new(new SoftswitchClientOptions
        {
            ApiKey = key,
            MaxRetries = maxRetries,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        }, CreateDefaultClient(handlers));

    /// <summary>A tenant made through the API with the platform key, and an admin key of its own.</summary>
    public async Task<(string TenantId, string Key)> CreateTenantAsync(string name)
    {
        using var platform = Sdk(PlatformKey);
        var tenant = await platform.Tenants.CreateAsync(new TenantOptions
        {
            Name = name, SipDomain = $"{Guid.NewGuid():n}"[..12] + ".example.net", DefaultCurrency = "USD",
        });
        var key = await platform.ApiKeys.CreateAsync(tenant.Id, new ApiKeyCreateOptions { Name = "sdk", Scopes = ["admin"] });
        return (tenant.Id, key.Key!);
    }

    /// <summary>A plain HttpClient with a key, to look at the API apart from the SDK under test.</summary>
    private HttpClient Raw(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<int> CountAsync(string key, string path)
    {
        using var client = Raw(key);
        var page = await client.GetFromJsonAsync<CountPage>($"{path}?limit=500");
        return page!.Data.Count;
    }

    /// <summary>
    /// Stores rows the switch writes and the API only reads (CDRs, IP bans, security events): as
    /// <paramref name="tenantId"/>'s, or as platform rows when it is null.
    /// </summary>
    public async Task StoreAsync(string? tenantId, params Entity[] rows)
    {
        var options = Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), TimeProvider.System);
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the OS temp cleaner takes it later.
        }
    }

    private sealed record CountPage(List<System.Text.Json.JsonElement> Data);
}
