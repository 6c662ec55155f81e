using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Well-known SIP method names (RFC 3261 §7.1 and its extensions). Methods are case-sensitive.</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Publish = "PUBLISH";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Message = "MESSAGE";
    public const string Update = "UPDATE";

    private static readonly string[] Known =
        [Invite, Ack, Bye, Cancel, Options, Register, Prack, Subscribe, Notify, Publish, Info, Refer, Message, Update];

    /// <summary>True for the methods of RFC 3261 and its extensions listed here: 405 when not allowed, else 501 (RFC 3261 §8.2.1).</summary>
    public static bool IsKnown(string method) => Array.IndexOf(Known, method) >= 0;

    /// <summary>Returns the interned constant for a known method so parsing allocates nothing for it.</summary>
    internal static string FromToken(ReadOnlySpan<byte> token)
    {
        foreach (var known in Known)
        {
            if (known.Length == token.Length && Ascii.Equals(token, known))
            {
                return known;
            }
        }

        return Encoding.ASCII.GetString(token);
    }

    internal static string FromToken(ReadOnlySpan<char> token)
    {
        foreach (var known in Known)
        {
            if (token.SequenceEqual(known))
            {
                return known;
            }
        }

        return token.ToString();
    }
}
