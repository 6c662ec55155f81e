using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Media.Cdrs;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Events;
using Softswitch.Switch.Tests.Calls;
using Softswitch.Switch.Tests.Media;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Webhooks;

/// <summary>
/// The durable side: the events a call published are exactly those rebuilt from its final (or interrupted) CDR, and
/// they reach the outbox in the CDR's own transaction.
/// </summary>
[Collection(SqlitePoolsCollection.Name)]
public sealed class WebhookOutboxTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Events_rebuilt_from_the_final_cdr_are_the_ones_the_call_published(bool ringFirst)
    {
        var events = new RecordingConsumer();
        await using var rig = new B2buaFixture(callEvents: events);
        rig.Vendor.InviteAnswer = new InviteAnswer { RingFirst = ringFirst };

        var (caller, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(caller);
        var ended = await events.Inbox.WaitAsync(e => e.Kind == CallEventKind.Ended, "the call's end");

        var live = events.Inbox.Items.Select(CallEventPayload.From).Select(p => (p.EventId, p.Type)).ToList();
        var rebuilt = CallEventHistory.Of(ended.Call).Select(e => CallEventPayload.From(e.Kind, e.Sequence, ended.Call)).Select(p => (p.EventId, p.Type)).ToList();
        Assert.Equal(live, rebuilt);
        Assert.Equal(ringFirst ? 4 : 3, live.Count);
    }

    [Fact]
    public async Task Stored_cdrs_bring_their_subscribed_events_into_the_outbox_once()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenant = await AddTenantAsync(database);
        await AddEndpointAsync(database, tenant, WebhookEventTypes.CallInitiated, WebhookEventTypes.CallCompleted);
        var store = new DatabaseCdrStore(database.Options, TimeProvider.System, NullLogger<DatabaseCdrStore>.Instance);

        await store.StoreAsync([Final(1, tenant)], TestContext.Current.CancellationToken);
        await store.StoreAsync([Final(1, tenant)], TestContext.Current.CancellationToken);

        await using var db = database.ForTenant(tenant);
        var outbox = await db.WebhookEvents.OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([WebhookEventTypes.CallInitiated, WebhookEventTypes.CallCompleted], outbox.Select(e => e.Type));
        Assert.Equal([WebhookEventIds.ForCall(Final(1).Id, 1), WebhookEventIds.ForCall(Final(1).Id, 4)], outbox.Select(e => e.Id));
        Assert.All(outbox, e => Assert.Equal(Final(1).Id, e.CdrId));
    }

    [Fact]
    public async Task A_call_cut_by_a_crash_still_names_every_event_it_had()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenant = await AddTenantAsync(database);
        await AddEndpointAsync(database, tenant, [.. WebhookEventTypes.Subscribable]);
        var store = new DatabaseCdrStore(database.Options, TimeProvider.System, NullLogger<DatabaseCdrStore>.Instance);

        // The spool replays the last journal entry of an answered call as an interrupted CDR.
        await store.StoreAsync([Answered(2, tenant).AsInterrupted()], TestContext.Current.CancellationToken);

        await using var db = database.ForTenant(tenant);
        var outbox = await db.WebhookEvents.OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [WebhookEventTypes.CallInitiated, WebhookEventTypes.CallRinging, WebhookEventTypes.CallAnswered, WebhookEventTypes.CallCompleted],
            outbox.Select(e => e.Type));
        Assert.Contains("\"interrupted\":true", outbox[^1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_endpoint_no_outbox_rows_and_an_event_the_fast_path_stored_is_not_doubled()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var quiet = await AddTenantAsync(database);
        var busy = await AddTenantAsync(database);
        await AddEndpointAsync(database, busy, WebhookEventTypes.CallCompleted);
        await using (var db = database.ForTenant(busy))
        {
            db.WebhookEvents.Add(WebhookOutbox.Row(CallEventPayload.From(CallEventKind.Ended, 4, Final(5, busy))));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var store = new DatabaseCdrStore(database.Options, TimeProvider.System, NullLogger<DatabaseCdrStore>.Instance);
        await store.StoreAsync([Final(4, quiet), Final(5, busy)], TestContext.Current.CancellationToken);

        await using var platform = database.Platform();
        var all = await platform.WebhookEvents.IgnoreQueryFilters().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(busy, Assert.Single(all).TenantId);
        Assert.Equal(2, await platform.Cdrs.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string> AddTenantAsync(SqliteDatabase database)
    {
        var tenant = new Tenant { Name = "t", SipDomain = $"t{Guid.NewGuid():n}"[..12] + ".example.net", DefaultCurrency = "USD" };
        await using var platform = database.Platform();
        platform.Tenants.Add(tenant);
        await platform.SaveChangesAsync();
        return tenant.Id;
    }

    private static async Task AddEndpointAsync(SqliteDatabase database, string tenant, params string[] types)
    {
        await using var db = database.ForTenant(tenant);
        db.WebhookEndpoints.Add(new WebhookEndpoint { Url = "https://203.0.113.50/hooks", EventTypes = [.. types], Secret = WebhookSecret.Generate() });
        await db.SaveChangesAsync();
    }

    private sealed class RecordingConsumer : ICallEventConsumer
    {
        public Inbox<CallEvent> Inbox { get; } = new();

        public ValueTask OnCallEventAsync(CallEvent callEvent)
        {
            Inbox.Add(callEvent);
            return ValueTask.CompletedTask;
        }
    }
}
