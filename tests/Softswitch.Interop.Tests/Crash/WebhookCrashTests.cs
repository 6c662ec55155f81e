using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Data.Sqlite;
using Softswitch.Domain;
using Softswitch.Interop.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Media.Webhooks;
using Softswitch.Worker.Jobs;

namespace Softswitch.Interop.Tests.Crash;

/// <summary>
/// kill -9 while webhooks are in flight to a slow CRM: after the restart, the outbox (the spool replayed into CDRs and
/// their events) plus the retry job deliver every event of every call at least once.
/// </summary>
public sealed class WebhookCrashTests : IAsyncLifetime
{
    private const string PlatformKey = "ssk_admin_webhookcrash.platform-key-used-only-by-this-test";
    private const int CallsPerSecond = 50;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("softswitch-webhook-crash-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Kill_minus_9_mid_delivery_loses_no_event()
    {
        var sipPort = LoopbackPorts.Free(ProtocolType.Udp);
        var httpPort = LoopbackPorts.Free(ProtocolType.Tcp);
        var settings = new Dictionary<string, string> { ["Softswitch__Webhooks__AllowPrivateTargets"] = "true" };
        using var crm = new WebhookReceiver();
        // Slow enough that deliveries are in flight, and queued behind them, when the process dies.
        crm.Answer(200, delay: TimeSpan.FromMilliseconds(300));
        await using var vendor = await SippProcess.StartAsync(new SippOptions
        {
            Scenario = SippScenario.UasAnswer, Calls = 10_000, Timeout = TimeSpan.FromSeconds(60), TraceMessages = false,
        });

        string tenantKey;
        await using (var first = await SwitchProcess.StartAsync(_dataDir, sipPort, httpPort, PlatformKey, settings))
        {
            tenantKey = await CrashDurabilityTests.ProvisionAsync(first, vendor.SipPort, PlatformKey);
            using (var tenant = first.Client(tenantKey))
            {
                await tenant.CreateAsync("/v1/webhook-endpoints", new { url = crm.Url(), event_types = WebhookEventTypes.Subscribable, metadata_headers = new[] { "X-Crm-Id" } });
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await using var caller = await SippProcess.StartAsync(new SippOptions
            {
                Scenario = SippScenario.UacLoggedCall,
                Remote = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, sipPort),
                Calls = 10_000,
                CallsPerSecond = CallsPerSecond,
                Timeout = TimeSpan.FromSeconds(30),
                TraceMessages = false,
            });
            await CrashDurabilityTests.WaitForCompletedCallsAsync(caller, first, tenantKey, atLeast: CallsPerSecond);
            // Some outcomes logged, more in flight and queued: the kill lands mid-delivery.
            for (var poll = 0; poll < 50 && await CountLoggedDeliveriesAsync() == 0; poll++)
            {
                await Task.Delay(100);
            }

            await first.KillAsync();
            await caller.StopAsync();
        }

        var beforeRestart = crm.Bodies().Count;
        List<string> expected;
        await using (var second = await SwitchProcess.StartAsync(_dataDir, sipPort, httpPort, PlatformKey, settings))
        {
            using var tenant = second.Client(tenantKey);
            var cdrs = await CrashDurabilityTests.AllCdrsAsync(tenant, CallsPerSecond);
            expected = cdrs.SelectMany(c => EventIdsOf(c!.AsObject())).ToList();
        }

        var logged = await CountLoggedDeliveriesAsync();
        var sent = await RunRetryJobUntilQuietAsync();
        var received = crm.Requests.Where(r => r.ResponseMessage?.StatusCode is 200)
            .Select(r => r.RequestMessage!.Headers!["webhook-id"].Single()).ToHashSet(StringComparer.Ordinal);

        Assert.True(expected.Count >= CallsPerSecond * 3, $"only {expected.Count} events expected");
        var missing = expected.Where(id => !received.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {expected.Count} events never arrived, e.g. {string.Join(", ", missing.Take(5))}");
        var calls = crm.Bodies().Select(b => b["data"]!.AsObject()).ToList();
        var withoutMetadata = calls.Where(c => c["metadata"]?["X-Crm-Id"]?.GetValue<string>() != "crm-" + c["sip_call_id"]!.GetValue<string>()).ToList();
        Assert.True(withoutMetadata.Count == 0, $"{withoutMetadata.Count} of {calls.Count} events lack the caller's X-Crm-Id, e.g. {withoutMetadata.FirstOrDefault()}");
        TestContext.Current.SendDiagnosticMessage(
            $"{expected.Count} events; {beforeRestart} delivered before the kill ({logged} logged), {sent} sent by the retry job after the restart");
    }

    /// <summary>The events a stored CDR implies: created, ringing when it rang, answered when it was, ended.</summary>
    private static IEnumerable<string> EventIdsOf(System.Text.Json.Nodes.JsonObject cdr)
    {
        var id = cdr["id"]!.GetValue<string>();
        var sequence = 0;
        yield return WebhookEventIds.ForCall(id, ++sequence);
        if (cdr["ringing_at"] is not null)
        {
            yield return WebhookEventIds.ForCall(id, ++sequence);
        }

        if (cdr["answer_at"] is not null)
        {
            yield return WebhookEventIds.ForCall(id, ++sequence);
        }

        yield return WebhookEventIds.ForCall(id, ++sequence);
    }

    private async Task<int> CountLoggedDeliveriesAsync()
    {
        await using var db = new SoftswitchDbContext(Database(), FixedTenantContext.None, TimeProvider.System);
        return await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync();
    }

    private DbContextOptions<SoftswitchDbContext> Database() => new DbContextOptionsBuilder<SoftswitchDbContext>()
        .UseSoftswitchSqlite($"Data Source={Path.Combine(_dataDir, "softswitch.db")}").Options;

    /// <summary>The worker's job over the restarted process's database, a few minutes on, until a run sends nothing (bounded).</summary>
    private async Task<int> RunRetryJobUntilQuietAsync()
    {
        var options = Database();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(2));
        var webhooks = new WebhookOptions { AllowPrivateTargets = true };
        using var sender = new HttpWebhookSender(webhooks, time);
        var job = new WebhookRetryJob(options, sender, Options.Create(webhooks), time, NullLogger<WebhookRetryJob>.Instance);
        var total = 0;
        for (var run = 0; run < 40; run++)
        {
            var sent = await job.RunAsync(CancellationToken.None);
            total += sent;
            if (sent == 0 && run > 0)
            {
                break;
            }

            time.Advance(TimeSpan.FromMinutes(1));
        }

        return total;
    }
}
