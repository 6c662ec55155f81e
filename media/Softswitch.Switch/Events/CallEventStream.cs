namespace Softswitch.Switch.Events;

/// <summary>
/// The one stream every call's state changes go through: the CDR recorder first, then any further consumers
/// (webhooks, alarms) in their registered order. Publishing completes when every consumer has taken the event.
/// </summary>
public sealed class CallEventStream(IReadOnlyList<ICallEventConsumer> consumers)
{
    public ValueTask PublishAsync(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        if (consumers.Count == 1)
        {
            return consumers[0].OnCallEventAsync(callEvent);
        }

        for (var i = 0; i < consumers.Count; i++)
        {
            var taking = consumers[i].OnCallEventAsync(callEvent);
            if (!taking.IsCompletedSuccessfully)
            {
                return AwaitRestAsync(taking, callEvent, i + 1);
            }
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask AwaitRestAsync(ValueTask taking, CallEvent callEvent, int next)
    {
        await taking.ConfigureAwait(false);
        for (var i = next; i < consumers.Count; i++)
        {
            await consumers[i].OnCallEventAsync(callEvent).ConfigureAwait(false);
        }
    }
}
