namespace Softswitch.Sip.Messages;

/// <summary>Generates the globally unique tokens SIP needs: branches, tags and Call-IDs.</summary>
public static class SipIdentifiers
{
    /// <summary>RFC 3261 §8.1.1.7: unique over space and time, starting with the magic cookie.</summary>
    public static string NewBranch() => SipVia.MagicCookie + RandomToken(12);

    /// <summary>RFC 3261 §19.3: at least 32 bits of randomness.</summary>
    public static string NewTag() => RandomToken(8);

    /// <summary>RFC 3261 §8.1.1.4: globally unique; the host suffix is recommended.</summary>
    public static string NewCallId(string host) => string.Concat(RandomToken(16), "@", host);

    private static string RandomToken(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomBytes.Fill(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
