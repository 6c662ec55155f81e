using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Probing;

/// <summary>Answers OPTIONS with 200 and our capabilities (RFC 3261 §11.2).</summary>
public sealed class SipOptionsResponder(IEnumerable<string> allow, IEnumerable<string> accept, IEnumerable<string> supported)
{
    private readonly string _allow = string.Join(", ", allow);
    private readonly string _accept = string.Join(", ", accept);
    private readonly string _supported = string.Join(", ", supported);

    /// <summary>A responder advertising the methods a B2BUA typically handles and SDP bodies.</summary>
    public static SipOptionsResponder Default { get; } = new(
        [SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye, SipMethods.Options, SipMethods.Register, SipMethods.Info, SipMethods.Update],
        ["application/sdp"],
        ["timer"]);

    public SipResponse CreateResponse(SipRequest options)
    {
        var response = SipResponse.CreateFor(options, 200);
        response.Headers.Add(SipHeaderKind.Allow, _allow);
        response.Headers.Add(SipHeaderKind.Accept, _accept);
        if (_supported.Length > 0)
        {
            response.Headers.Add(SipHeaderKind.Supported, _supported);
        }

        return response;
    }

    public bool Respond(SipServerTransaction transaction) => transaction.SendResponse(CreateResponse(transaction.Request));
}
