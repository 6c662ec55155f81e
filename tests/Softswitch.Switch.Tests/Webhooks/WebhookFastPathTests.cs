using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Events;
using Softswitch.Switch.Tests.Media;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Webhooks;

/// <summary>The switch's fast path: what the call-event consumer queues, and the per-endpoint Polly pipeline.</summary>
[Collection(SqlitePoolsCollection.Name)]
public sealed class WebhookFastPathTests
{
    private readonly FakeTimeProvider _time = new(Setup);

    [Fact]
    public async Task Consumer_queues_only_events_an_endpoint_of_that_tenant_subscribes_to()
    {
        var table = new WebhookEndpointTable();
        var alpha = Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted);
        table.Replace([alpha, Endpoint("whe_b", "ten_b", WebhookEventTypes.CallInitiated)]);
        var queue = Channel.CreateBounded<WebhookWork>(10);
        var consumer = new WebhookCallEventConsumer(table, queue.Writer, new WebhookCounters());

        await consumer.OnCallEventAsync(new CallEvent(CallEventKind.Created, 1, InProgress(1, "ten_a")));
        await consumer.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, Final(1, "ten_a")));
        await consumer.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, Final(2, "ten_b")));
        await consumer.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, Final(3, "ten_c")));

        Assert.True(queue.Reader.TryRead(out var work));
        Assert.False(queue.Reader.TryRead(out _));
        Assert.Equal((WebhookEventTypes.CallCompleted, "ten_a"), (work.Event.Type, work.Event.TenantId));
        Assert.Same(alpha, Assert.Single(work.Endpoints));
        Assert.Equal(WebhookEventIds.ForCall(Final(1).Id, 4), work.Event.EventId);
    }

    [Fact]
    public async Task A_full_queue_leaves_the_event_to_the_outbox_and_counts_it()
    {
        var table = new WebhookEndpointTable();
        table.Replace([Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted)]);
        var queue = Channel.CreateBounded<WebhookWork>(1);
        var counters = new WebhookCounters();
        var consumer = new WebhookCallEventConsumer(table, queue.Writer, counters);

        await consumer.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, Final(1)));
        var overflow = consumer.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, Final(2)));

        Assert.True(overflow.IsCompletedSuccessfully);
        await overflow;
        Assert.Equal((1L, 1L), (counters.Queued, counters.LeftToOutbox));
    }

    [Fact]
    public async Task Transient_failures_get_quick_retries_then_succeed()
    {
        var sender = new ScriptedSender(503, 503, 200);
        await using var rig = await FastPathRig.CreateAsync(_time, sender);

        var outcome = await rig.DeliverAndDriveClockAsync(Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted));

        Assert.True(outcome.Attempt.Succeeded);
        Assert.Equal(3, outcome.Attempts);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(410)]
    public async Task Client_errors_are_not_retried(int status)
    {
        var sender = new ScriptedSender(status, 200);
        await using var rig = await FastPathRig.CreateAsync(_time, sender);

        var outcome = await rig.DeliverAndDriveClockAsync(Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted));

        Assert.Equal((status, 1), (outcome.Attempt.StatusCode, outcome.Attempts));
    }

    [Fact]
    public async Task A_receiver_asking_for_time_is_left_to_the_retry_job()
    {
        var sender = new ScriptedSender(503, 200) { RetryAfter = TimeSpan.FromMinutes(10) };
        await using var rig = await FastPathRig.CreateAsync(_time, sender);

        var outcome = await rig.DeliverAndDriveClockAsync(Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted));

        Assert.Equal((503, 1), (outcome.Attempt.StatusCode, outcome.Attempts));
    }

    [Fact]
    public async Task The_circuit_breaker_is_per_endpoint()
    {
        var sender = new ScriptedSender { Failing = "whe_dead" };
        await using var rig = await FastPathRig.CreateAsync(_time, sender);
        var dead = Endpoint("whe_dead", "ten_a", WebhookEventTypes.CallCompleted);
        var live = Endpoint("whe_live", "ten_a", WebhookEventTypes.CallCompleted);

        await rig.DeliverAndDriveClockAsync(dead);
        await rig.DeliverAndDriveClockAsync(dead);
        var callsToDead = sender.Calls("whe_dead");
        var refused = await rig.DeliverAndDriveClockAsync(dead);
        var other = await rig.DeliverAndDriveClockAsync(live);

        // Three attempts (first and two quick retries), then two more: the fifth failure reaches MinimumThroughput and opens it.
        Assert.Equal(5, callsToDead);
        Assert.Equal(callsToDead, sender.Calls("whe_dead"));
        Assert.Contains("circuit open", refused.Attempt.Error, StringComparison.Ordinal);
        Assert.True(other.Attempt.Succeeded);
    }

    [Fact]
    public async Task The_delivery_log_stores_outcomes_failures_with_their_event_and_410_disables()
    {
        await using var rig = await FastPathRig.CreateAsync(_time, new ScriptedSender());
        var ok = await rig.AddEndpointAsync("call.completed");
        var flaky = await rig.AddEndpointAsync("call.completed");
        var gone = await rig.AddEndpointAsync("call.completed");
        var payload = CallEventPayload.From(CallEventKind.Ended, 4, Final(1, rig.TenantId));

        await rig.Log.StoreAsync(
            [
                new WebhookOutcome(payload, ok, new WebhookAttempt(200, TimeSpan.FromMilliseconds(12), null, null), 1),
                new WebhookOutcome(payload, flaky, new WebhookAttempt(null, TimeSpan.FromSeconds(5), "timed out", null), 3),
                new WebhookOutcome(payload, gone, new WebhookAttempt(410, TimeSpan.FromMilliseconds(3), null, null), 1),
            ],
            TestContext.Current.CancellationToken);

        await using var db = rig.Database.ForTenant(rig.TenantId);
        var deliveries = await db.WebhookDeliveries.ToDictionaryAsync(d => d.EndpointId, TestContext.Current.CancellationToken);
        Assert.Equal((WebhookDeliveryStatus.Succeeded, 12), (deliveries[ok.Id].Status, deliveries[ok.Id].LatencyMilliseconds));
        Assert.Equal((WebhookDeliveryStatus.Pending, 3), (deliveries[flaky.Id].Status, deliveries[flaky.Id].Attempts));
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(1), deliveries[flaky.Id].NextAttemptAt);
        Assert.Equal(WebhookDeliveryStatus.Failed, deliveries[gone.Id].Status);
        Assert.Equal(payload.EventId, Assert.Single(await db.WebhookEvents.ToListAsync(TestContext.Current.CancellationToken)).Id);
        Assert.False((await db.WebhookEndpoints.SingleAsync(e => e.Id == gone.Id, TestContext.Current.CancellationToken)).Enabled);
    }

    [Fact]
    public async Task The_running_delivery_log_stores_what_it_is_given_within_its_window()
    {
        await using var rig = await FastPathRig.CreateAsync(new FakeTimeProvider(Setup), new ScriptedSender());
        var endpoint = await rig.AddEndpointAsync("call.completed");
        var log = new WebhookDeliveryLog(rig.Database.Options, new WebhookCounters(), TimeProvider.System, NullLogger<WebhookDeliveryLog>.Instance);
        await log.StartAsync(TestContext.Current.CancellationToken);
        log.Record(new WebhookOutcome(
            CallEventPayload.From(CallEventKind.Ended, 4, Final(1, rig.TenantId)), endpoint, new WebhookAttempt(200, TimeSpan.Zero, null, null), 1));

        var stored = 0;
        for (var poll = 0; poll < 50 && stored == 0; poll++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            await using var db = rig.Database.ForTenant(rig.TenantId);
            stored = await db.WebhookDeliveries.CountAsync(TestContext.Current.CancellationToken);
        }

        await log.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, stored);
    }

    internal static WebhookEndpoint Endpoint(string id, string tenant, params string[] types) =>
        new() { Id = id, TenantId = tenant, Url = "http://127.0.0.1:9/hooks", EventTypes = [.. types], Secret = WebhookSecret.Generate() };

    /// <summary>Answers each attempt with the next scripted status (200 once the script runs out); an endpoint named <see cref="Failing"/> never connects.</summary>
    private sealed class ScriptedSender(params int[] statuses) : IWebhookSender
    {
        private readonly Queue<int> _statuses = new(statuses);
        private readonly Dictionary<string, int> _calls = [];

        public string? Failing { get; init; }

        public TimeSpan? RetryAfter { get; init; }

        public int Calls(string endpointId)
        {
            lock (_calls)
            {
                return _calls.GetValueOrDefault(endpointId);
            }
        }

        public Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, string eventId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            lock (_calls)
            {
                _calls[endpoint.Id] = _calls.GetValueOrDefault(endpoint.Id) + 1;
                if (endpoint.Id == Failing)
                {
                    return Task.FromResult(new WebhookAttempt(null, TimeSpan.Zero, "connection refused", null));
                }

                var status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
                return Task.FromResult(new WebhookAttempt(status, TimeSpan.FromMilliseconds(1), null, status == 200 ? null : RetryAfter));
            }
        }
    }
}
