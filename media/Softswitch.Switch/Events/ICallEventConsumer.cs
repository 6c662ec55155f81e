namespace Softswitch.Switch.Events;

/// <summary>
/// Receives every call's events in order, on the call's own executor. The call waits for the returned task before
/// it goes on where that matters (the final response waits for <see cref="CallEventKind.Ended"/>), so a consumer
/// does only what must happen first (a durable append) and hands slow work (HTTP deliveries) to its own queue.
/// </summary>
public interface ICallEventConsumer
{
    ValueTask OnCallEventAsync(CallEvent callEvent);
}
