using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Events;
using Softswitch.Switch.Tests.Media;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Webhooks;

/// <summary>A fast path over a scripted sender and a SQLite delivery log, driven on a fake clock.</summary>
internal sealed class FastPathRig : IAsyncDisposable
{
    private readonly FakeTimeProvider _time;

    private FastPathRig(FakeTimeProvider time, SqliteDatabase database, IWebhookSender sender, string tenantId)
    {
        _time = time;
        Database = database;
        TenantId = tenantId;
        Log = new WebhookDeliveryLog(database.Options, Counters, time, NullLogger<WebhookDeliveryLog>.Instance);
        FastPath = new WebhookFastPath(
            System.Threading.Channels.Channel.CreateBounded<WebhookWork>(1).Reader, sender, Log, new WebhookEndpointTable(),
            new WebhookOptions(), Counters, time);
    }

    public SqliteDatabase Database { get; }

    public WebhookCounters Counters { get; } = new();

    public string TenantId { get; }

    public WebhookDeliveryLog Log { get; }

    public WebhookFastPath FastPath { get; }

    public static async Task<FastPathRig> CreateAsync(FakeTimeProvider time, IWebhookSender sender)
    {
        var database = await SqliteDatabase.CreateAsync();
        var tenant = new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync();
        }

        return new FastPathRig(time, database, sender, tenant.Id);
    }

    public async Task<WebhookEndpoint> AddEndpointAsync(params string[] types)
    {
        await using var db = Database.ForTenant(TenantId);
        var endpoint = new WebhookEndpoint { Url = "http://127.0.0.1:9/hooks", EventTypes = [.. types], Secret = WebhookSecret.Generate() };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint;
    }

    /// <summary>Delivers one completed-call event, moving the fake clock through Polly's retry delays (bounded).</summary>
    public async Task<WebhookOutcome> DeliverAndDriveClockAsync(WebhookEndpoint endpoint)
    {
        var delivery = FastPath.DeliverAsync(CallEventPayload.From(CallEventKind.Ended, 4, Final(1, endpoint.TenantId)), endpoint, CancellationToken.None);
        for (var step = 0; step < 100 && !delivery.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        Assert.True(delivery.IsCompleted, "the delivery did not finish within 10 s of fake time");
        return await delivery;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
