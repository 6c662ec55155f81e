using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Admission;

/// <summary>
/// One stage's decision. A reject or challenge carries the response to send and the rule that fired (for counters,
/// logs, the refusal's CDR and security event), and a reject may carry the counters that made it fire; continue
/// carries nothing, so the common path allocates nothing.
/// </summary>
public readonly record struct AdmissionDecision(AdmissionVerdict Verdict, SipResponse? Response, string? RuleId, RefusalEvidence? Evidence = null)
{
    public static AdmissionDecision Continue => default;

    public bool IsContinue => Verdict == AdmissionVerdict.Continue;

    public static AdmissionDecision Reject(SipResponse response, string ruleId, RefusalEvidence? evidence = null) =>
        new(AdmissionVerdict.Reject, response, ruleId, evidence);

    public static AdmissionDecision Challenge(SipResponse challenge, string ruleId) => new(AdmissionVerdict.Challenge, challenge, ruleId);
}
