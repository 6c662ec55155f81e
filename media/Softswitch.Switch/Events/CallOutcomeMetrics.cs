using System.Diagnostics.Metrics;

namespace Softswitch.Switch.Events;

/// <summary>
/// Call quality from the call-event stream, on the <c>Softswitch.Switch.CallOutcomes</c> meter: calls started (their
/// rate is CPS), calls ended by answered or not (ASR = answered / ended), answered durations (ACD = sum / count),
/// post-dial delay, and refusals by the admission rule that refused. Counting is allocation-free: no tag is built per call.
/// </summary>
public sealed class CallOutcomeMetrics : ICallEventConsumer
{
    public const string MeterName = "Softswitch.Switch.CallOutcomes";

    private static readonly KeyValuePair<string, object?> AnsweredTag = new("answered", "true");
    private static readonly KeyValuePair<string, object?> UnansweredTag = new("answered", "false");

    private readonly Counter<long> started;
    private readonly Counter<long> ended;
    private readonly Counter<long> refused;
    private readonly Histogram<double> duration;
    private readonly Histogram<double> pdd;

    public CallOutcomeMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        started = meter.CreateCounter<long>("softswitch.calls.started", "{call}", "Calls admitted and routed; its rate is the switch's CPS");
        ended = meter.CreateCounter<long>("softswitch.calls.ended", "{call}", "Admitted calls that ended, tagged answered=true|false (ASR = answered / all)");
        refused = meter.CreateCounter<long>("softswitch.calls.refused_by_rule", "{call}", "Calls an admission rule refused, tagged by rule");
        duration = meter.CreateHistogram("softswitch.calls.duration", "s", "Answered calls' billable time, answer to end (ACD = sum / count)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [6, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200] });
        pdd = meter.CreateHistogram("softswitch.calls.pdd", "s", "Post-dial delay: setup to first ringing, or to the end when nothing rang",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30] });
    }

    public ValueTask OnCallEventAsync(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        var call = callEvent.Call;
        switch (callEvent.Kind)
        {
            case CallEventKind.Created:
                started.Add(1);
                break;
            case CallEventKind.Ended:
                var answered = call.AnswerAt is not null;
                ended.Add(1, answered ? AnsweredTag : UnansweredTag);
                if (answered)
                {
                    duration.Record(call.Duration.TotalSeconds);
                }

                if (call.Pdd is { } delay)
                {
                    pdd.Record(delay.TotalSeconds);
                }

                break;
            case CallEventKind.Refused:
                refused.Add(1, new KeyValuePair<string, object?>("rule", call.RefusedBy ?? "unknown"));
                break;
        }

        return ValueTask.CompletedTask;
    }
}
