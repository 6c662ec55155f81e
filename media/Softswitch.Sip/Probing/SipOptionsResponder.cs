using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Probing;

/// <summary>
/// Answers OPTIONS with 200 and our capabilities (RFC 3261 §11.2), or with 420 and Unsupported naming each option tag
/// in Require that we do not list as supported (§8.2.2.3, RFC 4475 §3.3.5), as an INVITE requiring it would be.
/// </summary>
public sealed class SipOptionsResponder
{
    private readonly string _allow;
    private readonly string _accept;
    private readonly string[] _supported;

    public SipOptionsResponder(IEnumerable<string> allow, IEnumerable<string> accept, IEnumerable<string> supported)
    {
        _allow = string.Join(", ", allow);
        _accept = string.Join(", ", accept);
        _supported = [.. supported];
    }

    /// <summary>A responder advertising the methods a B2BUA typically handles and SDP bodies.</summary>
    public static SipOptionsResponder Default { get; } = new(
        [SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye, SipMethods.Options, SipMethods.Register, SipMethods.Info, SipMethods.Update],
        ["application/sdp"],
        ["timer"]);

    public SipResponse CreateResponse(SipRequest options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unsupported = options.Headers.GetListValues(SipHeaderKind.Require)
            .Where(tag => !_supported.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (unsupported.Count > 0)
        {
            var badExtension = SipResponse.CreateFor(options, 420);
            badExtension.Headers.Add(SipHeaderKind.Unsupported, string.Join(", ", unsupported));
            return badExtension;
        }

        var response = SipResponse.CreateFor(options, 200);
        response.Headers.Add(SipHeaderKind.Allow, _allow);
        response.Headers.Add(SipHeaderKind.Accept, _accept);
        if (_supported.Length > 0)
        {
            response.Headers.Add(SipHeaderKind.Supported, string.Join(", ", _supported));
        }

        return response;
    }

    public bool Respond(SipServerTransaction transaction) => transaction.SendResponse(CreateResponse(transaction.Request));
}
