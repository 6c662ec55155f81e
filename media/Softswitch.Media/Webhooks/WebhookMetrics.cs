using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// The webhook fast path's instruments on the <c>Softswitch.Webhooks</c> meter. The meter belongs to the host's
/// factory, which disposes it with the host.
/// </summary>
public static class WebhookMetrics
{
    public const string MeterName = "Softswitch.Webhooks";

    public static Meter Create(IMeterFactory factory, WebhookCounters counters, ChannelReader<WebhookWork> queue)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(queue);
        var meter = factory.Create(MeterName);
        meter.CreateObservableUpDownCounter("softswitch.webhooks.queue", () => queue.Count, "{delivery}", "Deliveries waiting for a fast-path sender");
        meter.CreateObservableCounter("softswitch.webhooks.queued", () => counters.Queued, "{delivery}");
        meter.CreateObservableCounter("softswitch.webhooks.left_to_outbox", () => counters.LeftToOutbox, "{delivery}", "Deliveries the full queue left to the retry job");
        meter.CreateObservableCounter("softswitch.webhooks.delivered", () => counters.Delivered, "{delivery}");
        meter.CreateObservableCounter("softswitch.webhooks.failed", () => counters.Failed, "{delivery}", "Deliveries the fast path handed to the retry job");
        meter.CreateObservableCounter("softswitch.webhooks.log_dropped", () => counters.LogDropped, "{outcome}");
        counters.ReportLatencyTo(meter.CreateHistogram<double>("softswitch.webhooks.latency", "ms", "Time from sending a delivery to its 2xx"));
        return meter;
    }
}
