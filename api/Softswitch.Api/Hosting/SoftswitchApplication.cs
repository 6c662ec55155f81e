using Microsoft.AspNetCore.DataProtection;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Endpoints;
using Softswitch.Api.Http;
using Softswitch.Api.OpenApi;
using Softswitch.Domain;
using Softswitch.Media;
using Softswitch.Media.Config;
using Softswitch.Media.Redirect;
using Softswitch.Media.Sip;
using Softswitch.Media.Webhooks;

namespace Softswitch.Api.Hosting;

/// <summary>Builds the one process that hosts the API, the worker and the SIP switch, per <see cref="ProcessRoles"/>.</summary>
public static class SoftswitchApplication
{
    /// <summary>The switch's last configuration built from the database, under the data folder (see <see cref="LastGoodConfigFile"/>).</summary>
    public const string LastGoodConfigFileName = "switch-config.json";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddSoftswitchDefaults();
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--roles"] = "Softswitch:Roles",
            ["--data-dir"] = "Softswitch:DataDir",
        });

        var options = builder.Configuration.GetSection(SoftswitchOptions.Section).Get<SoftswitchOptions>() ?? new();
        var roles = ProcessRoles.Parse(options.Roles);
        var exportingOpenApi = OpenApiExport.TryGetTarget(args, out _);
        if (exportingOpenApi)
        {
            // The document is read from a started host; an ephemeral loopback port keeps it from colliding.
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.Services.AddOptions<SoftswitchOptions>()
            .Bind(builder.Configuration.GetSection(SoftswitchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(roles);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });

        builder.Services.AddSoftswitchDatabase(options, prepareAtStart: !exportingOpenApi);
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseRegistration.ResolveDataDir(options), "keys")));
        builder.Services.AddSoftswitchJson();
        builder.Services.AddSoftswitchProblemDetails();
        builder.Services.AddSoftswitchAuth();
        builder.Services.AddSoftswitchRateLimiting(options.RateLimit);
        builder.Services.AddSoftswitchSwagger();
        builder.Services.AddSoftswitchTelemetry(builder.Configuration);
        var switchRuns = roles.Switch && !exportingOpenApi;
        builder.Services.AddSoftswitchHealthChecks(roles, switchRuns);
        builder.Services.AddWebhookSender(builder.Configuration);
        builder.Services.AddRedirectOptions(builder.Configuration);
        builder.Services.AddSoftswitchWorker(options, roles, runServer: roles.Worker && !exportingOpenApi);
        if (switchRuns)
        {
            var dataDir = DatabaseRegistration.ResolveDataDir(options);
            builder.Services.AddSoftswitchSwitchCore(spool => spool.Directory = Path.Combine(dataDir, "cdr-spool"));
            builder.Services.AddSingleton(new LastGoodConfigFile(Path.Combine(dataDir, LastGoodConfigFileName)));
            builder.Services.AddSoftswitchSipSwitch(builder.Configuration);
        }
        else
        {
            builder.Services.AddSingleton<IGatewayHealthView>(NoSwitchGatewayHealth.Instance);
        }

        var app = builder.Build();

        app.UseSoftswitchErrorHandling();
        app.UseSoftswitchSwagger();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestLogScopeMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapSoftswitchHealthChecks();
        app.MapSoftswitchMetrics();
        if (roles.Api)
        {
            app.MapSoftswitchApi();
            app.MapDashboard();
            app.UseSoftswitchHangfireDashboard();
        }

        return app;
    }
}
