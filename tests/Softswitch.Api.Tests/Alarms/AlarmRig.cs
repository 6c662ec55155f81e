using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Jobs;

namespace Softswitch.Api.Tests.Alarms;

/// <summary>
/// A tenant with one client account, and the alarm jobs on a fake clock that starts 7 minutes past the next hour
/// (ahead of the real clock that stamps rules made through the API). CDRs are stored on the fake clock, as their
/// stored time is what per-call rules read; each evaluation first moves the clock a minute, past the CDR settle time.
/// </summary>
public sealed class AlarmRig : IAsyncDisposable
{
    private AlarmRig(TestApplication app, TestTenant tenant, string account, FakeTimeProvider clock)
    {
        App = app;
        Tenant = tenant;
        Account = account;
        Clock = clock;
    }

    public TestApplication App { get; }

    public TestTenant Tenant { get; }

    public string Account { get; }

    public FakeTimeProvider Clock { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<AlarmRig> StartAsync(decimal balance = 100m)
    {
        var app = new TestApplication();
        var tenant = await app.CreateTenantAsync("alpha");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance });
        var hour = DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour;
        var clock = new FakeTimeProvider(new DateTimeOffset(hour, TimeSpan.Zero).AddMinutes(67));
        return new AlarmRig(app, tenant, account, clock);
    }

    public Task<string> RuleAsync(object rule) => Tenant.Client.CreateAsync("/v1/alarm-rules", rule);

    public async Task<string> CallAsync(DateTime setup, int seconds = 60, string callee = "442071234567", bool answered = true, string? routingGateway = null)
    {
        await using var db = new SoftswitchDbContext(Options, new FixedTenantContext(Tenant.Id), Clock);
        var cdr = new Cdr
        {
            CallId = $"call-{Guid.NewGuid():n}", AccountId = Account, RoutingGatewayId = routingGateway, CallerReceived = "15550001",
            CalleeReceived = callee, SetupAt = setup, AnswerAt = answered ? setup.AddSeconds(2) : null,
            EndAt = setup.AddSeconds(seconds + 2), DurationMilliseconds = answered ? seconds * 1_000L : 0, FinalCode = answered ? 200 : 486,
            Q850Cause = answered ? 16 : 17, HangupSide = HangupSide.Caller,
        };
        db.Cdrs.Add(cdr);
        await db.SaveChangesAsync(Ct);
        return cdr.Id;
    }

    public Task<int> EvaluateAsync()
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return new AlarmEvaluationJob(Options, Clock, NullLogger<AlarmEvaluationJob>.Instance).RunAsync(Ct);
    }

    public Task<int> MailAsync() => new AlarmEmailJob(Options, Clock, NullLogger<AlarmEmailJob>.Instance).RunAsync(Ct);

    public async Task<JsonArray> AlarmsAsync(string query = "") =>
        (await (await Tenant.Client.GetAsync($"/v1/alarms{query}", Ct)).ReadObjectAsync())["data"]!.AsArray();

    public async Task<T> InDatabaseAsync<T>(Func<SoftswitchDbContext, Task<T>> read)
    {
        await using var db = new SoftswitchDbContext(Options, new FixedTenantContext(Tenant.Id), TimeProvider.System);
        return await read(db);
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private DbContextOptions<SoftswitchDbContext> Options => App.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();

    public async ValueTask DisposeAsync()
    {
        Tenant.Dispose();
        await App.DisposeAsync();
    }
}
