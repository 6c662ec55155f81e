namespace Softswitch.Switch.Admission;

/// <summary>
/// One decision on a new INVITE. Stages run in their registered order until one rejects or challenges. A stage that
/// completes synchronously (returns a completed <see cref="ValueTask{TResult}"/>) costs no allocation.
/// </summary>
public interface IAdmissionStage
{
    /// <summary>A stable name for counters and logs (kebab-case, e.g. <c>max-forwards</c>).</summary>
    string Name { get; }

    ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context);
}

/// <summary>
/// A stage that takes a resource for the call (a concurrency slot, say). The pipeline gives it back with
/// <see cref="Release"/> when a later stage refuses the call; once the call is admitted, the call releases it when it
/// ends. Either way, exactly once.
/// </summary>
public interface IReservingAdmissionStage : IAdmissionStage
{
    void Release(AdmissionContext context);
}
