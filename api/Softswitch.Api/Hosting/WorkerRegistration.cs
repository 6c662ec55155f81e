using Hangfire;
using Hangfire.InMemory;
using Softswitch.Api.Auth;
using Softswitch.Domain.Fraud;
using Softswitch.Worker;
using Softswitch.Worker.Jobs;
using Softswitch.Worker.Rollups;
using Softswitch.Worker.ThreatFeed;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Hangfire: in-memory storage for the embedded default, SQL Server storage beside a SQL Server database.
/// Durable work state lives in Softswitch's own tables, so in-memory storage loses nothing that matters.
/// </summary>
public static class WorkerRegistration
{
    public static IServiceCollection AddSoftswitchWorker(
        this IServiceCollection services, SoftswitchOptions options, ProcessRoles roles, bool runServer)
    {
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.Database.Provider == DatabaseProvider.SqlServer)
            {
                hangfire.UseSqlServerStorage(options.Database.ConnectionString);
            }
            else
            {
                hangfire.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });

        services.AddOptions<ThreatFeedOptions>().BindConfiguration(ThreatFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScannerDestinationOptions>().BindConfiguration(ScannerDestinationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CdrRollupOptions>().BindConfiguration(CdrRollupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(ImportThreatFeedJob.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        if (runServer && roles.Worker)
        {
            services.AddHangfireServer(server => server.WorkerCount = options.Worker.HangfireWorkers);
            services.AddHostedService<RecurringJobRegistrar>();
        }

        return services;
    }

    public static WebApplication UseSoftswitchHangfireDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            AsyncAuthorization = [new HangfireDashboardAuthorization()],
            DashboardTitle = "Softswitch jobs",
        });
        return app;
    }
}
