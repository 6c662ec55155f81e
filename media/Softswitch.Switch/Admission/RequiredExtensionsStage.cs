using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Admission;

/// <summary>RFC 3261 §8.2.2.3: an extension the caller requires and we lack (100rel, for one) gets 420 with Unsupported.</summary>
internal sealed class RequiredExtensionsStage : IAdmissionStage
{
    public string Name => "required-extensions";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var request = context.Request;
        if (!request.Headers.Contains(SipHeaderKind.Require))
        {
            return new(AdmissionDecision.Continue);
        }

        var unsupported = request.Headers.GetListValues(SipHeaderKind.Require)
            .Where(tag => !string.Equals(tag, SessionExpires.TimerOptionTag, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (unsupported.Count == 0)
        {
            return new(AdmissionDecision.Continue);
        }

        var badExtension = context.Transaction.CreateResponse(420);
        badExtension.Headers.Add(SipHeaderKind.Unsupported, string.Join(", ", unsupported));
        return new(AdmissionDecision.Reject(badExtension, Name));
    }
}
