using System.Buffers.Binary;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Maps header names (any case, long or compact form) to <see cref="SipHeaderKind"/> and back.</summary>
public static class SipHeaderNames
{
    private static readonly string[] Canonical = new string[Enum.GetValues<SipHeaderKind>().Length];
    private static readonly byte[][] CanonicalUtf8 = new byte[Canonical.Length][];
    private static readonly SipHeaderKind[] CompactByLetter = new SipHeaderKind[26];
    private static readonly SipHeaderKind[][] ByLength;

    /// <summary>Long-form names ordered by <see cref="Bucket"/>; those of bucket b are at <c>BucketStart[b]..BucketStart[b + 1]</c>.</summary>
    private static readonly FoldedName[] Folded;

    private static readonly int[] BucketStart;

    static SipHeaderNames()
    {
        Define(SipHeaderKind.Via, "Via", 'v');
        Define(SipHeaderKind.From, "From", 'f');
        Define(SipHeaderKind.To, "To", 't');
        Define(SipHeaderKind.CallId, "Call-ID", 'i');
        Define(SipHeaderKind.CSeq, "CSeq");
        Define(SipHeaderKind.Contact, "Contact", 'm');
        Define(SipHeaderKind.MaxForwards, "Max-Forwards");
        Define(SipHeaderKind.ContentLength, "Content-Length", 'l');
        Define(SipHeaderKind.ContentType, "Content-Type", 'c');
        Define(SipHeaderKind.ContentEncoding, "Content-Encoding", 'e');
        Define(SipHeaderKind.Route, "Route");
        Define(SipHeaderKind.RecordRoute, "Record-Route");
        Define(SipHeaderKind.Expires, "Expires");
        Define(SipHeaderKind.MinExpires, "Min-Expires");
        Define(SipHeaderKind.Allow, "Allow");
        Define(SipHeaderKind.Supported, "Supported", 'k');
        Define(SipHeaderKind.Require, "Require");
        Define(SipHeaderKind.ProxyRequire, "Proxy-Require");
        Define(SipHeaderKind.Unsupported, "Unsupported");
        Define(SipHeaderKind.Accept, "Accept");
        Define(SipHeaderKind.Authorization, "Authorization");
        Define(SipHeaderKind.ProxyAuthorization, "Proxy-Authorization");
        Define(SipHeaderKind.WwwAuthenticate, "WWW-Authenticate");
        Define(SipHeaderKind.ProxyAuthenticate, "Proxy-Authenticate");
        Define(SipHeaderKind.AuthenticationInfo, "Authentication-Info");
        Define(SipHeaderKind.UserAgent, "User-Agent");
        Define(SipHeaderKind.Server, "Server");
        Define(SipHeaderKind.Subject, "Subject", 's');
        Define(SipHeaderKind.Event, "Event", 'o'); // RFC 6665 §8.3.1
        Define(SipHeaderKind.AllowEvents, "Allow-Events", 'u');
        Define(SipHeaderKind.ReferTo, "Refer-To", 'r'); // RFC 3515 §2.1
        Define(SipHeaderKind.ReferredBy, "Referred-By", 'b'); // RFC 3892
        Define(SipHeaderKind.SessionExpires, "Session-Expires", 'x'); // RFC 4028
        Define(SipHeaderKind.Date, "Date");
        Define(SipHeaderKind.Timestamp, "Timestamp");
        Define(SipHeaderKind.Warning, "Warning");
        Define(SipHeaderKind.RetryAfter, "Retry-After");
        Define(SipHeaderKind.ContentDisposition, "Content-Disposition");
        Define(SipHeaderKind.PAssertedIdentity, "P-Asserted-Identity");
        Define(SipHeaderKind.Identity, "Identity", 'y'); // RFC 8224
        Define(SipHeaderKind.AcceptContact, "Accept-Contact", 'a'); // RFC 3841
        Define(SipHeaderKind.RejectContact, "Reject-Contact", 'j');
        Define(SipHeaderKind.RequestDisposition, "Request-Disposition", 'd');

        var maxLength = Canonical.Max(n => n?.Length ?? 0);
        ByLength = new SipHeaderKind[maxLength + 1][];
        for (var length = 0; length <= maxLength; length++)
        {
            var l = length;
            ByLength[length] = Enum.GetValues<SipHeaderKind>().Where(k => Canonical[(int)k]?.Length == l).ToArray();
        }

        var named = Enum.GetValues<SipHeaderKind>().Where(k => Canonical[(int)k] is not null)
            .OrderBy(k => Bucket(Canonical[(int)k].Length, char.ToLowerInvariant(Canonical[(int)k][0]) - 'a')).ToArray();
        Folded = named.Select(k => new FoldedName(k, Canonical[(int)k])).ToArray();
        BucketStart = new int[Bucket(maxLength + 1, 0) + 1];
        foreach (var kind in named)
        {
            BucketStart[Bucket(Canonical[(int)kind].Length, char.ToLowerInvariant(Canonical[(int)kind][0]) - 'a') + 1]++;
        }

        for (var bucket = 1; bucket < BucketStart.Length; bucket++)
        {
            BucketStart[bucket] += BucketStart[bucket - 1];
        }
    }

    private static int Bucket(int length, int letter) => (length * 26) + letter;

    private static void Define(SipHeaderKind kind, string name, char compact = '\0')
    {
        Canonical[(int)kind] = name;
        CanonicalUtf8[(int)kind] = Encoding.ASCII.GetBytes(name);
        if (compact != '\0')
        {
            CompactByLetter[compact - 'a'] = kind;
        }
    }

    /// <summary>The long-form name used when serializing (RFC 3261 §7.3.3 allows either form).</summary>
    public static string GetName(SipHeaderKind kind) =>
        kind == SipHeaderKind.Other ? throw new ArgumentOutOfRangeException(nameof(kind)) : Canonical[(int)kind];

    internal static ReadOnlySpan<byte> GetNameUtf8(SipHeaderKind kind) => CanonicalUtf8[(int)kind];

    /// <summary>Identifies a header name; names are case-insensitive (RFC 3261 §7.3.1).</summary>
    public static SipHeaderKind Identify(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return SipHeaderKind.Other;
        }

        var letter = (uint)((name[0] | 0x20) - 'a');
        if (letter >= 26)
        {
            return SipHeaderKind.Other;
        }

        if (name.Length == 1)
        {
            return CompactByLetter[letter];
        }

        var bucket = Bucket(name.Length, (int)letter);
        if (bucket + 1 >= BucketStart.Length)
        {
            return SipHeaderKind.Other;
        }

        for (var i = BucketStart[bucket]; i < BucketStart[bucket + 1]; i++)
        {
            if (Folded[i].Matches(name))
            {
                return Folded[i].Kind;
            }
        }

        return SipHeaderKind.Other;
    }

    /// <inheritdoc cref="Identify(ReadOnlySpan{byte})"/>
    public static SipHeaderKind Identify(ReadOnlySpan<char> name)
    {
        if (name.Length == 1)
        {
            var letter = name[0] | 0x20;
            return letter is >= 'a' and <= 'z' ? CompactByLetter[letter - 'a'] : SipHeaderKind.Other;
        }

        if (name.Length >= ByLength.Length)
        {
            return SipHeaderKind.Other;
        }

        foreach (var candidate in ByLength[name.Length])
        {
            if (name.Equals(Canonical[(int)candidate], StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return SipHeaderKind.Other;
    }

    /// <summary>Headers whose values are comma-separated lists that may be split (RFC 3261 §7.3.1).</summary>
    internal static bool IsList(SipHeaderKind kind) => kind is SipHeaderKind.Via or SipHeaderKind.Contact
        or SipHeaderKind.Route or SipHeaderKind.RecordRoute or SipHeaderKind.Allow or SipHeaderKind.Supported
        or SipHeaderKind.Require or SipHeaderKind.ProxyRequire or SipHeaderKind.Unsupported;

    /// <summary>
    /// A long-form name as three overlapping little-endian words (head, middle, tail) of 8 bytes, or of 4 or 2 for
    /// short names, in lower case, each with a mask that has 0x20 wherever the name has a letter. OR-ing the mask into
    /// the input folds ASCII letters only, so '-' never matches a CR (0x0D | 0x20 is '-') and non-ASCII never matches.
    /// </summary>
    private readonly struct FoldedName
    {
        private readonly int _width;
        private readonly int _middle;
        private readonly int _tail;
        private readonly ulong _headWord;
        private readonly ulong _headMask;
        private readonly ulong _middleWord;
        private readonly ulong _middleMask;
        private readonly ulong _tailWord;
        private readonly ulong _tailMask;

        public SipHeaderKind Kind { get; }

        public FoldedName(SipHeaderKind kind, string name)
        {
            Kind = kind;
            var lowercase = Encoding.ASCII.GetBytes(name.ToLowerInvariant());
            var letterBits = name.Select(c => char.IsAsciiLetter(c) ? (byte)0x20 : (byte)0).ToArray();
            _width = name.Length >= 8 ? 8 : name.Length >= 4 ? 4 : 2;
            _middle = Math.Min(_width, name.Length - _width);
            _tail = name.Length - _width;
            _headWord = Word(lowercase, 0, _width);
            _headMask = Word(letterBits, 0, _width);
            _middleWord = Word(lowercase, _middle, _width);
            _middleMask = Word(letterBits, _middle, _width);
            _tailWord = Word(lowercase, _tail, _width);
            _tailMask = Word(letterBits, _tail, _width);
        }

        /// <summary>Compares a name of the same length, ignoring ASCII case.</summary>
        public bool Matches(ReadOnlySpan<byte> name) =>
            (Word(name, 0, _width) | _headMask) == _headWord
            && (Word(name, _middle, _width) | _middleMask) == _middleWord
            && (Word(name, _tail, _width) | _tailMask) == _tailWord;

        private static ulong Word(ReadOnlySpan<byte> bytes, int offset, int width) => width switch
        {
            8 => BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]),
            _ => BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]),
        };
    }
}
