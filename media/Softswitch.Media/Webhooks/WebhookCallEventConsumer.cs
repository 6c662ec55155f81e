using System.Threading.Channels;
using Softswitch.Switch.Events;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// The call-event stream's webhook consumer. It is registered after the CDR recorder, whose journal append is durable
/// before this runs, so the event is already in the durable outbox (the spool, then the outbox rows stored with the
/// CDR); this only offers it to the in-memory queue of the fast path and never waits. A full queue loses nothing: the
/// event is counted and left to the retry job.
/// </summary>
public sealed class WebhookCallEventConsumer(WebhookEndpointTable endpoints, ChannelWriter<WebhookWork> queue, WebhookCounters counters)
    : ICallEventConsumer
{
    public ValueTask OnCallEventAsync(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        var subscribers = endpoints.Subscribers(callEvent.Call.TenantId, CallEventPayload.TypeOf(callEvent.Kind));
        if (subscribers.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        if (queue.TryWrite(new WebhookWork(CallEventPayload.From(callEvent), subscribers)))
        {
            counters.CountQueued();
        }
        else
        {
            counters.CountLeftToOutbox();
        }

        return ValueTask.CompletedTask;
    }
}
