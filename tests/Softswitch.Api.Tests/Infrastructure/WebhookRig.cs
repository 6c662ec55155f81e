using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Cdrs;
using Softswitch.Switch.Cdrs;
using Softswitch.Worker.Jobs;

namespace Softswitch.Api.Tests.Infrastructure;

/// <summary>
/// An API host on a fake clock with loopback webhooks allowed, the switch's CDR store (which writes the outbox rows
/// with the CDRs) and the worker's retry job, run by hand between clock steps.
/// </summary>
public sealed class WebhookRig : IAsyncDisposable
{
    private readonly DbContextOptions<SoftswitchDbContext> _options;

    public WebhookRig(int maxOutboxEventsPerTenant = 1_000_000)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        App = new TestApplication(new Dictionary<string, string?> { ["Softswitch:Webhooks:AllowPrivateTargets"] = "true" }, Time);
        _options = App.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        Job = new WebhookRetryJob(
            _options, App.Services.GetRequiredService<IWebhookSender>(), Options.Create(new WebhookOptions { AllowPrivateTargets = true, MaxOutboxEventsPerTenant = maxOutboxEventsPerTenant }), Time,
            NullLogger<WebhookRetryJob>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public TestApplication App { get; }

    public WebhookRetryJob Job { get; }

    /// <summary>Stores finished calls as the switch's spool drain does: CDRs and outbox rows in one transaction.</summary>
    public Task StoreCallsAsync(params CallDetailRecord[] calls) =>
        new DatabaseCdrStore(_options, Time, NullLogger<DatabaseCdrStore>.Instance).StoreAsync(calls, CancellationToken.None);

    /// <summary>An answered call that rang: four events (initiated, ringing, answered, completed).</summary>
    public CallDetailRecord AnsweredCall(string tenantId, string caller = "15550001")
    {
        var setup = Time.GetUtcNow();
        return new CallDetailRecord
        {
            Id = CallDetailRecord.NewId(setup), TenantId = tenantId, CallId = Guid.NewGuid().ToString("n"), CallerReceived = caller,
            CalleeReceived = "442071234567", SetupAt = setup, RingingAt = setup.AddSeconds(1), AnswerAt = setup.AddSeconds(3),
            EndAt = setup.AddSeconds(63), FinalCode = 200, HangupSide = HangupSide.Caller,
            Attempts = [new CdrAttemptRecord("rgw_x", "442071234567", setup, 200)],
        };
    }

    /// <summary>Moves the clock and runs the job once.</summary>
    public async Task<int> RunJobAfterAsync(TimeSpan wait)
    {
        Time.Advance(wait);
        return await Job.RunAsync(CancellationToken.None);
    }

    public async Task<List<WebhookDelivery>> DeliveriesAsync(string tenantId)
    {
        await using var db = new SoftswitchDbContext(_options, new FixedTenantContext(tenantId), Time);
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
