namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 3261 §8.2.2.2: a request without a To tag is identified across paths by its From tag, Call-ID and CSeq, so a
/// copy that arrives over a second path (a new branch) can be recognised as a merged request.
/// </summary>
internal readonly record struct UntaggedRequestKey(string? FromTag, string CallId, SipCSeq CSeq)
{
    /// <summary>The key of a request that can be merged, or null: in-dialog requests carry a To tag, and CANCEL shares its INVITE's identifiers.</summary>
    public static UntaggedRequestKey? For(SipRequest request) =>
        request.To.Tag is null && request.Method != SipMethods.Cancel
            ? new UntaggedRequestKey(request.From.Tag, request.CallId, request.CSeq)
            : null;
}
