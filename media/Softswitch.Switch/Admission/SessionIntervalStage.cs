using System.Globalization;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Admission;

/// <summary>RFC 4028 §8.1: a Session-Expires below our minimum gets 422 with Min-SE.</summary>
internal sealed class SessionIntervalStage(TimeSpan minimum) : IAdmissionStage
{
    private readonly string _minimumSeconds = ((long)minimum.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public string Name => "session-interval";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        if (SessionExpires.From(context.Request) is not { } asked || asked.Interval >= minimum)
        {
            return new(AdmissionDecision.Continue);
        }

        var tooSmall = context.Transaction.CreateResponse(422);
        tooSmall.Headers.Add(SessionExpires.MinSeHeader, _minimumSeconds);
        return new(AdmissionDecision.Reject(tooSmall, Name));
    }
}
