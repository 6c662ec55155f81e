namespace Softswitch.Sip.Parsing;

/// <summary>How the end of a message is found (RFC 3261 §18.3).</summary>
public enum SipFraming
{
    /// <summary>One datagram is one message; Content-Length is optional and may only shorten the body.</summary>
    Datagram,

    /// <summary>Stream transports: Content-Length is mandatory and marks the end of the body.</summary>
    Stream,
}
