namespace Softswitch.Sip.Transactions;

/// <summary>
/// Identifies a transaction (RFC 3261 §17.1.3 and §17.2.3): the top Via branch, its sent-by (server side only) and
/// the method, with ACK mapped to INVITE. Client keys leave <see cref="SentBy"/> empty: the branch is ours.
/// </summary>
public readonly record struct SipTransactionKey(string Branch, string SentBy, string Method)
{
    public static SipTransactionKey ForServer(SipRequest request)
    {
        var via = request.TopVia;
        var method = request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        var branch = via.HasRfc3261Branch ? via.Branch! : LegacyBranch(request);
        return new SipTransactionKey(branch, via.SentBy.ToLowerInvariant(), method);
    }

    public static SipTransactionKey ForClient(string branch, string method) =>
        new(branch, "", method == SipMethods.Ack ? SipMethods.Invite : method);

    /// <summary>RFC 3261 §17.2.3: requests from RFC 2543 elements are matched on their dialog and sequence identifiers.</summary>
    private static string LegacyBranch(SipRequest request) =>
        string.Join('|', request.RequestUriText, request.From.Tag, request.CallId, request.CSeq.Number, request.TopVia.ToString());
}
