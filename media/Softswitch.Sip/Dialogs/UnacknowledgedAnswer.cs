namespace Softswitch.Sip.Dialogs;

/// <summary>
/// A 2xx to INVITE that saw no ACK within 64*T1 (RFC 3261 §13.3.1.4). The UAS SHOULD end the session with BYE.
/// </summary>
/// <param name="CallId">The Call-ID of the dialog.</param>
/// <param name="Response">The 2xx that was sent; its To tag identifies our side of the dialog.</param>
/// <param name="Remote">Where the INVITE came from.</param>
public sealed record UnacknowledgedAnswer(string CallId, SipResponse Response, SipEndPoint Remote);
