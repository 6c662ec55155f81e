using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Events;
using Softswitch.Switch.Tests.Media;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Webhooks;

/// <summary>The fast path's counts on the <c>Softswitch.Webhooks</c> meter (issue 10 §6).</summary>
[Collection(SqlitePoolsCollection.Name)]
public sealed class WebhookMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _last = [];
    private readonly List<double> _latencies = [];

    [Fact]
    public async Task Queue_depth_queued_overflow_and_delivery_latency_are_reported()
    {
        var table = new WebhookEndpointTable();
        table.Replace([WebhookFastPathTests.Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted)]);
        var queue = Channel.CreateBounded<WebhookWork>(1);
        await using var rig = await FastPathRig.CreateAsync(new FakeTimeProvider(Setup), new AnsweringSender(TimeSpan.FromMilliseconds(42)));
        Listen(WebhookMetrics.Create(_services.GetRequiredService<IMeterFactory>(), rig.Counters, queue.Reader));
        var consumer = new WebhookCallEventConsumer(table, queue.Writer, rig.Counters);

        await consumer.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, Final(1, "ten_a")));
        await consumer.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, Final(2, "ten_a")));
        await rig.DeliverAndDriveClockAsync(WebhookFastPathTests.Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted));
        _listener.RecordObservableInstruments();

        Assert.Equal(1, _last["softswitch.webhooks.queue"]);
        Assert.Equal(1, _last["softswitch.webhooks.queued"]);
        Assert.Equal(1, _last["softswitch.webhooks.left_to_outbox"]);
        Assert.Equal(1, _last["softswitch.webhooks.delivered"]);
        Assert.Equal(0, _last["softswitch.webhooks.failed"]);
        Assert.Equal([42.0], _latencies);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Listen(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _last[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _last[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _latencies.Add(value));
        _listener.Start();
    }

    private sealed class AnsweringSender(TimeSpan latency) : IWebhookSender
    {
        public Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, string eventId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
            Task.FromResult(new WebhookAttempt(200, latency, null, null));
    }
}
