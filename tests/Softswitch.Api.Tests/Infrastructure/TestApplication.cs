using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Softswitch.Api.Tests.Infrastructure;

/// <summary>
/// One API host per test over its own SQLite file, so no test sees another's data. The platform key is fixed
/// by configuration; the demo tenant is not seeded.
/// </summary>
public sealed class TestApplication : WebApplicationFactory<Program>
{
    public const string PlatformKey = "ssk_admin_testonly.platform-key-used-only-by-tests";

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "softswitch-tests", Guid.NewGuid().ToString("n"));
    private readonly Dictionary<string, string?> settings;
    private readonly TimeProvider? time;
    private readonly Action<IServiceCollection>? configureServices;

    /// <param name="configureServices">Test-only services, e.g. a DbContext interceptor that holds a request in flight.</param>
    public TestApplication(
        IDictionary<string, string?>? overrides = null, TimeProvider? time = null, Action<IServiceCollection>? configureServices = null)
    {
        this.time = time;
        this.configureServices = configureServices;
        settings = new Dictionary<string, string?>
        {
            ["Softswitch:DataDir"] = dataDir,
            ["Softswitch:PlatformAdminKey"] = PlatformKey,
            ["Softswitch:SeedDemo"] = "false",
            ["Softswitch:Roles"] = "api",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public string DatabasePath => Path.Combine(dataDir, "softswitch.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(time)));
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    public HttpClient ClientWithKey(string key, string? actAsTenant = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (actAsTenant is not null)
        {
            client.DefaultRequestHeaders.Add("Softswitch-Tenant", actAsTenant);
        }

        return client;
    }

    public HttpClient PlatformClient() => ClientWithKey(PlatformKey);

    /// <summary>Creates a tenant and an admin-scoped key for it through the API.</summary>
    public async Task<TestTenant> CreateTenantAsync(string name, params string[] scopes)
    {
        using var platform = PlatformClient();
        var domain = $"{name.ToLowerInvariant()}-{Guid.NewGuid():n}"[..20] + ".example.net";
        var created = await platform.PostAsJsonAsync("/v1/tenants", new { name, sip_domain = domain, default_currency = "USD" });
        created.EnsureSuccessStatusCode();
        var tenant = await created.Content.ReadFromJsonAsync<IdOnly>() ?? throw new InvalidOperationException("No tenant in response.");
        var keyResponse = await platform.PostAsJsonAsync(
            $"/v1/tenants/{tenant.Id}/api-keys",
            new { name = "test key", scopes = scopes.Length > 0 ? scopes : ["admin"] });
        keyResponse.EnsureSuccessStatusCode();
        var key = await keyResponse.Content.ReadFromJsonAsync<KeyOnly>() ?? throw new InvalidOperationException("No key in response.");
        return new TestTenant(tenant.Id, key.Key, ClientWithKey(key.Key));
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

    private sealed record IdOnly(string Id);

    private sealed record KeyOnly(string Key);
}

/// <summary>A tenant made for one test, with a client that carries its key.</summary>
public sealed record TestTenant(string Id, string Key, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
