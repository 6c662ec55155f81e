using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// The events a finished call published, rebuilt from its final CDR: a refusal is the call's one event; otherwise
/// created (1), ringing when it rang, answered when it was, ended — numbered as <c>Call</c> numbered them, because
/// each of those moments is set exactly when its event is published. This is what lets the spool's journal be the
/// durable outbox of a call's events: whatever survives a crash as a CDR names every event the call had.
/// </summary>
public static class CallEventHistory
{
    public static IEnumerable<(CallEventKind Kind, long Sequence)> Of(CallDetailRecord final)
    {
        ArgumentNullException.ThrowIfNull(final);
        if (final.RefusedBy is not null)
        {
            yield return (CallEventKind.Refused, 1);
            yield break;
        }

        var sequence = 0L;
        yield return (CallEventKind.Created, ++sequence);
        if (final.RingingAt is not null)
        {
            yield return (CallEventKind.Ringing, ++sequence);
        }

        if (final.AnswerAt is not null)
        {
            yield return (CallEventKind.Answered, ++sequence);
        }

        yield return (CallEventKind.Ended, ++sequence);
    }
}
