using System.Diagnostics.Metrics;

namespace Softswitch.Switch.Calls;

/// <summary>The B2BUA's call counters on the <c>Softswitch.Switch.Calls</c> meter.</summary>
public static class CallMetrics
{
    public const string MeterName = "Softswitch.Switch.Calls";

    public static Meter Create(IMeterFactory factory, B2buaCore b2bua)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(b2bua);
        var counters = b2bua.Counters;
        var meter = factory.Create(MeterName);
        meter.CreateObservableUpDownCounter("softswitch.calls.active", () => counters.ActiveCalls, "{call}");
        meter.CreateObservableUpDownCounter("softswitch.calls.dialogs", () => b2bua.DialogCount, "{dialog}");
        meter.CreateObservableUpDownCounter("softswitch.calls.pending_admissions", () => b2bua.PendingAdmissions, "{invite}");
        meter.CreateObservableCounter("softswitch.calls.accepted", () => counters.CallsAccepted, "{call}");
        meter.CreateObservableCounter("softswitch.calls.answered", () => counters.CallsAnswered, "{call}");
        meter.CreateObservableCounter("softswitch.calls.failed", () => counters.CallsFailed, "{call}", "Accepted calls that ended unanswered");
        meter.CreateObservableCounter("softswitch.calls.refused", () => new[]
        {
            Refusal(counters.IngressForbidden, "forbidden"),
            Refusal(counters.AmbiguousIngresses, "ambiguous-ingress"),
            Refusal(counters.Overloaded, "overloaded"),
            Refusal(counters.MalformedInvites, "malformed"),
            Refusal(counters.CdrStorageUnavailableRefusals, "cdr-storage-unavailable"),
        }, "{invite}");
        return meter;
    }

    private static Measurement<long> Refusal(long count, string reason) => new(count, new KeyValuePair<string, object?>("reason", reason));
}
