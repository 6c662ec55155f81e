using Softswitch.Domain;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Every decision on a new INVITE, as an ordered list of stages. The first stage that rejects or challenges ends the
/// run: the stages after it never see the INVITE, and whatever reserving stages before it took is given back.
/// </summary>
/// <remarks>
/// The loop allocates nothing while stages complete synchronously; a stage that really goes asynchronous moves the
/// rest of the run onto an async continuation. Adding a stage is one class and its place in the registration list
/// (<see cref="AdmissionStages"/>).
/// </remarks>
public sealed class AdmissionPipeline
{
    private const int MaxStages = 64;
    private readonly IAdmissionStage[] _stages;
    private readonly AdmissionStageCounters[] _counters;
    private readonly TimeProvider _time;

    public AdmissionPipeline(IEnumerable<IAdmissionStage> stages, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = [.. stages];
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_stages.Length, MaxStages);
        if (_stages.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != _stages.Length)
        {
            throw new ArgumentException("Admission stage names must be unique.", nameof(stages));
        }

        _counters = [.. _stages.Select(s => new AdmissionStageCounters(s.Name))];
        _time = time;
    }

    /// <summary>Per-stage counters, in stage order.</summary>
    public IReadOnlyList<AdmissionStageCounters> Counters => _counters;

    public IReadOnlyList<string> StageNames => [.. _stages.Select(s => s.Name)];

    public ValueTask<AdmissionDecision> RunAsync(AdmissionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var index = 0; index < _stages.Length; index++)
        {
            var started = _time.GetTimestamp();
            ValueTask<AdmissionDecision> pending;
            try
            {
                pending = _stages[index].EvaluateAsync(context);
            }
            catch
            {
                Release(context);
                throw;
            }

            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueAsync(context, index, started, pending);
            }

            if (Conclude(context, index, started, pending.Result) is { } final)
            {
                return new ValueTask<AdmissionDecision>(final);
            }
        }

        return new ValueTask<AdmissionDecision>(AdmissionDecision.Continue);
    }

    /// <summary>Gives back every reservation the context holds, last taken first. Safe to call more than once.</summary>
    public void Release(AdmissionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var index = _stages.Length - 1; index >= 0; index--)
        {
            var bit = 1UL << index;
            if ((context.Reserved & bit) != 0)
            {
                context.Reserved &= ~bit;
                ((IReservingAdmissionStage)_stages[index]).Release(context);
            }
        }
    }

    private async ValueTask<AdmissionDecision> ContinueAsync(AdmissionContext context, int index, long started, ValueTask<AdmissionDecision> pending)
    {
        try
        {
            while (true)
            {
                if (Conclude(context, index, started, await pending.ConfigureAwait(false)) is { } final)
                {
                    return final;
                }

                if (++index == _stages.Length)
                {
                    return AdmissionDecision.Continue;
                }

                started = _time.GetTimestamp();
                pending = _stages[index].EvaluateAsync(context);
            }
        }
        catch
        {
            Release(context);
            throw;
        }
    }

    /// <summary>
    /// Records the stage's outcome; returns the decision when it ends the run. A refusal by a rule the call's tenant
    /// runs monitor-only does not end it: it is kept on the context for a "would refuse" event, and the run goes on.
    /// </summary>
    private AdmissionDecision? Conclude(AdmissionContext context, int index, long started, AdmissionDecision decision)
    {
        _counters[index].Record(decision.Verdict, _time.GetTimestamp() - started);
        if (decision.Verdict == AdmissionVerdict.Reject && IsMonitoredFor(context, decision.RuleId!))
        {
            _counters[index].RecordMonitored();
            (context.Monitored ??= []).Add(decision);
            return null;
        }

        if (decision.IsContinue)
        {
            if (_stages[index] is IReservingAdmissionStage)
            {
                context.Reserved |= 1UL << index;
            }

            return null;
        }

        Release(context);
        return decision;
    }

    private static bool IsMonitoredFor(AdmissionContext context, string ruleId) =>
        context.Origin?.Tenant.RefusalPolicies.GetValueOrDefault(ruleId) is { Mode: RefusalMode.Monitor };
}
