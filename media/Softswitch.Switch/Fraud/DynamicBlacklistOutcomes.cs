using Softswitch.Domain.Fraud;
using Softswitch.Switch.Events;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// Feeds the end of every call to its tenant's no-answer rules, from the call-event stream: unanswered, or answered
/// for less than a rule's minimum, counts against the callee. Only counts in memory, so the call never waits on it.
/// </summary>
public sealed class DynamicBlacklistOutcomes(DynamicBlacklist blacklist) : ICallEventConsumer
{
    public ValueTask OnCallEventAsync(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        var call = callEvent.Call;
        if (callEvent.Kind != CallEventKind.Ended || call.AccountId is null || blacklist.For(call.TenantId) is not { } tenant)
        {
            return ValueTask.CompletedTask;
        }

        TimeSpan? answeredFor = call.AnswerAt is null ? null : call.Duration;
        tenant.Finished(
            new CallFacts(call.CallId, call.MappingGatewayId, call.AccountId, call.CallerReceived, call.CalleeReceived), answeredFor, call.EndAt ?? call.SetupAt);
        return ValueTask.CompletedTask;
    }
}
