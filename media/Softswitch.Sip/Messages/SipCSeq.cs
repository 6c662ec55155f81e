using System.Globalization;

namespace Softswitch.Sip.Messages;

/// <summary>CSeq: sequence number and method (RFC 3261 §20.16; the number is a 32-bit unsigned integer below 2**31).</summary>
public readonly record struct SipCSeq(uint Number, string Method)
{
    public static bool TryParse(ReadOnlySpan<char> text, out SipCSeq cseq)
    {
        cseq = default;
        text = text.Trim();
        var space = text.IndexOfAny(' ', '\t');
        if (space <= 0
            || !uint.TryParse(text[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number > int.MaxValue)
        {
            return false;
        }

        var method = text[space..].Trim();
        if (!SipGrammar.IsToken(method))
        {
            return false;
        }

        cseq = new SipCSeq(number, SipMethods.FromToken(method));
        return true;
    }

    public override string ToString() => string.Concat(Number.ToString(CultureInfo.InvariantCulture), " ", Method);
}
