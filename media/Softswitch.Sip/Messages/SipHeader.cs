namespace Softswitch.Sip.Messages;

/// <summary>One header field line as it appears in a message: name and (unfolded) value.</summary>
public readonly record struct SipHeader(SipHeaderKind Kind, string Name, string Value);
