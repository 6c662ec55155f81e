using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Media.Cdrs;
using Softswitch.Media.Config;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;

namespace Softswitch.Media;

public static class SwitchCoreRegistration
{
    /// <summary>
    /// Registers the switch's database-backed core: configuration snapshots refreshed from the database, call
    /// capacity counters, and the CDR spool draining to the database. Needs <c>AddDbContext&lt;SoftswitchDbContext&gt;</c>
    /// and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddSoftswitchSwitchCore(this IServiceCollection services, Action<CdrSpoolOptions> configureSpool)
    {
        ArgumentNullException.ThrowIfNull(configureSpool);
        services.AddOptions<CdrSpoolOptions>().Configure(configureSpool).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdrSpoolOptions>, CdrSpoolOptionsValidation>();

        // The switch's singletons share one scope's context options; the scope lives as long as they do, because
        // the options keep a reference to the provider that built them.
        services.AddSingleton(sp => new SwitchDatabase(sp.CreateScope()));
        services.AddSingleton<SwitchConfigSource>();
        services.AddSingleton<ISwitchConfigSource>(sp => sp.GetRequiredService<SwitchConfigSource>());
        services.AddSingleton<CallCapacity>();
        services.AddSingleton(sp => new DatabaseConfigSnapshotLoader(sp.GetRequiredService<SwitchDatabase>().Options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SwitchConfigRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SwitchConfigRefresher>());

        // The CDR store posts call charges and package usage and tells the accounts' budgets and allowances, which
        // anti-overdraft reads on the call path.
        services.AddSingleton<AccountBudgets>();
        services.AddSingleton<PackageAllowances>();
        services.AddSingleton<ICdrStore>(sp => new DatabaseCdrStore(
            sp.GetRequiredService<SwitchDatabase>().Options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DatabaseCdrStore>>(),
            sp.GetRequiredService<AccountBudgets>(), sp.GetRequiredService<PackageAllowances>()));
        services.AddSingleton(sp => CdrSpool.Open(
            sp.GetRequiredService<IOptions<CdrSpoolOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CdrSpool>>()));
        services.AddSingleton<ICdrSink>(sp => sp.GetRequiredService<CdrSpool>());
        services.AddHostedService<CdrSpoolService>();
        return services;
    }

    internal sealed class SwitchDatabase(IServiceScope scope) : IDisposable
    {
        public DbContextOptions<SoftswitchDbContext> Options { get; } = scope.ServiceProvider.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();

        public void Dispose() => scope.Dispose();
    }

    private sealed class CdrSpoolOptionsValidation : IValidateOptions<CdrSpoolOptions>
    {
        public ValidateOptionsResult Validate(string? name, CdrSpoolOptions options) =>
            options.FindProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
