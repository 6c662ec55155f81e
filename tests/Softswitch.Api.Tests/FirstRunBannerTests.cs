using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Hosting;
using Softswitch.Media.Sip;

namespace Softswitch.Api.Tests;

public sealed partial class FirstRunBannerTests
{
    [Fact]
    public async Task Banner_shows_the_addresses_the_process_really_listens_on()
    {
        await using var app = new KestrelApplication("http://127.0.0.1:0");
        app.UseKestrel();
        app.StartServer();
        var banner = app.Output.ToString();
        using var client = app.CreateClient();

        var listening = HttpListeningOn().Match(banner);
        Assert.True(listening.Success, banner);
        var api = listening.Groups["url"].Value;
        Assert.NotEqual("http://127.0.0.1:0", api);
        Assert.Equal(api, client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        Assert.Contains($"{api}/v1/accounts", banner, StringComparison.Ordinal);
        Assert.Contains($"Swagger UI: {api}/swagger", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost:5000", banner, StringComparison.Ordinal);
        Assert.Contains($"UDP and TCP {app.Services.GetRequiredService<SipSwitchService>().LocalEndPoint}", banner, StringComparison.Ordinal);
        Assert.Contains("Platform admin key:  ssk_admin_", banner, StringComparison.Ordinal);
        using var live = await client.GetAsync("/healthz/live");
        Assert.True(live.IsSuccessStatusCode);
    }

    [GeneratedRegex(@"HTTP listening on:\s+(?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex HttpListeningOn();

    /// <summary>The whole product on real Kestrel sockets, seeding at first run, with the banner written to <see cref="Output"/>.</summary>
    private sealed class KestrelApplication(string urls) : WebApplicationFactory<Program>
    {
        private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "softswitch-tests", Guid.NewGuid().ToString("n"));

        public StringWriter Output { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("urls", urls);
            builder.UseSetting("Softswitch:DataDir", _dataDir);
            builder.UseSetting("Softswitch:SeedDemo", "true");
            builder.UseSetting("Softswitch:PlatformAdminKey", "");
            builder.UseSetting("Softswitch:Roles", "api,switch");
            builder.UseSetting("Softswitch:Sip:Address", "127.0.0.1");
            builder.UseSetting("Softswitch:Sip:Port", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
                services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FirstRunBanner>(sp, TextWriter.Synchronized(Output))));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pooled connection; the OS temp cleaner takes it later.
            }
        }
    }
}
