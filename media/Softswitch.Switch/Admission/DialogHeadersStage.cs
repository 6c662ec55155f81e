using Softswitch.Sip.Parsing;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The caller's Contact and Record-Route become the dialog's remote target and route set (RFC 3261 §12.1.1): when they
/// do not parse, the INVITE gets 400 naming the fault before anything is reserved for it.
/// </summary>
internal sealed class DialogHeadersStage(B2buaCounters counters) : IAdmissionStage
{
    public string Name => "dialog-headers";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var request = context.Request;
        try
        {
            _ = request.Contacts;
            _ = request.RecordRoutes;
            return new(AdmissionDecision.Continue);
        }
        catch (SipParseException exception)
        {
            counters.Malformed();
            return new(AdmissionDecision.Reject(context.Transaction.CreateResponse(400, exception.Error.ReasonPhrase), Name));
        }
    }
}
