using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Events;

/// <summary>The call-event stream's first consumer: each state change is journalled, and the end (or a refusal) becomes the final CDR.</summary>
public sealed class CdrEventRecorder(ICdrSink cdrs) : ICallEventConsumer
{
    public ValueTask OnCallEventAsync(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        return callEvent.Kind is CallEventKind.Ended or CallEventKind.Refused ? cdrs.WriteAsync(callEvent.Call) : cdrs.JournalAsync(callEvent.Call);
    }
}
