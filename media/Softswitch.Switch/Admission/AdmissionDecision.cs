using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Admission;

/// <summary>
/// One stage's decision. A reject or challenge carries the response to send and the rule that fired (for counters,
/// logs and, later, CDR analysis); continue carries nothing, so the common path allocates nothing.
/// </summary>
public readonly record struct AdmissionDecision(AdmissionVerdict Verdict, SipResponse? Response, string? RuleId)
{
    public static AdmissionDecision Continue => default;

    public bool IsContinue => Verdict == AdmissionVerdict.Continue;

    public static AdmissionDecision Reject(SipResponse response, string ruleId) => new(AdmissionVerdict.Reject, response, ruleId);

    public static AdmissionDecision Challenge(SipResponse challenge, string ruleId) => new(AdmissionVerdict.Challenge, challenge, ruleId);
}
