namespace Softswitch.Sip.Parsing;

/// <summary>Thrown by typed accessors (e.g. <see cref="SipMessage.From"/>) when a header does not parse.</summary>
public sealed class SipParseException : Exception
{
    public SipParseException(SipParseError error)
        : base(error.ReasonPhrase) => Error = error;

    public SipParseException()
        : this(SipParseError.BadRequest("Malformed message"))
    {
    }

    public SipParseException(string message)
        : this(SipParseError.BadRequest(message))
    {
    }

    public SipParseException(string message, Exception innerException)
        : base(message, innerException) => Error = SipParseError.BadRequest(message);

    public SipParseError Error { get; }
}
