using System.Globalization;

namespace Softswitch.Sip.Messages;

/// <summary>
/// A SIP request or response (RFC 3261 §7). Header values are decoded lazily; typed accessors parse on
/// first use and cache the result until the header changes. Typed accessors throw <see cref="SipParseException"/>
/// on a malformed value; messages that passed <see cref="SipMessageValidator"/> have valid essential headers.
/// </summary>
public abstract class SipMessage
{
    private Cached<SipVia> _topVia;
    private Cached<SipNameAddress> _from;
    private Cached<SipNameAddress> _to;
    private Cached<SipCSeq> _cseq;

    protected SipMessage(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    public SipHeaders Headers { get; }

    /// <summary>The body; Content-Length is written from its length when serialized (RFC 3261 §20.14).</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>Where the message came from, set by the transport on receipt; null for messages built locally.</summary>
    public Softswitch.Sip.Transport.SipEndPoint? Source { get; set; }

    /// <summary>The topmost Via element (RFC 3261 §18.2.2 routes responses by it).</summary>
    public SipVia TopVia
    {
        get
        {
            var raw = Required(SipHeaderKind.Via);
            if (ReferenceEquals(raw, _topVia.Source))
            {
                return _topVia.Value!;
            }

            var first = raw.Contains(',') ? FirstListElement(raw) : raw;
            var via = SipVia.TryParseForResponse(first, out var parsed) ? parsed : throw Malformed("Via");
            _topVia = new Cached<SipVia>(raw, via);
            return via;
        }
    }

    /// <summary>Every Via element, top first.</summary>
    public IReadOnlyList<SipVia> Vias =>
        Headers.GetListValues(SipHeaderKind.Via).Select(v => SipVia.TryParse(v, out var via) ? via : throw Malformed("Via")).ToList();

    public SipNameAddress From
    {
        get => Address(SipHeaderKind.From, ref _from, "From");
        set => Headers.Set(SipHeaderKind.From, value.ToString());
    }

    public SipNameAddress To
    {
        get => Address(SipHeaderKind.To, ref _to, "To");
        set => Headers.Set(SipHeaderKind.To, value.ToString());
    }

    public string CallId
    {
        get => Required(SipHeaderKind.CallId);
        set => Headers.Set(SipHeaderKind.CallId, value);
    }

    public SipCSeq CSeq
    {
        get
        {
            var raw = Required(SipHeaderKind.CSeq);
            if (ReferenceEquals(raw, _cseq.Source))
            {
                return _cseq.Value;
            }

            var cseq = SipCSeq.TryParse(raw, out var parsed) ? parsed : throw Malformed("CSeq");
            _cseq = new Cached<SipCSeq>(raw, cseq);
            return cseq;
        }

        set => Headers.Set(SipHeaderKind.CSeq, value.ToString());
    }

    /// <summary>RFC 3261 §20.22; null when absent.</summary>
    public int? MaxForwards
    {
        get
        {
            var raw = Headers[SipHeaderKind.MaxForwards];
            if (raw is null)
            {
                return null;
            }

            return int.TryParse(raw.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 255
                ? value
                : throw Malformed("Max-Forwards");
        }

        set
        {
            if (value is { } v)
            {
                Headers.Set(SipHeaderKind.MaxForwards, v.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                Headers.RemoveAll(SipHeaderKind.MaxForwards);
            }
        }
    }

    /// <summary>The Expires header in seconds (RFC 3261 §20.19), or null.</summary>
    public int? Expires
    {
        get
        {
            var raw = Headers[SipHeaderKind.Expires];
            if (raw is null)
            {
                return null;
            }

            return int.TryParse(raw.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Malformed("Expires");
        }
    }

    public string? ContentType
    {
        get => Headers[SipHeaderKind.ContentType];
        set
        {
            if (value is null)
            {
                Headers.RemoveAll(SipHeaderKind.ContentType);
            }
            else
            {
                Headers.Set(SipHeaderKind.ContentType, value);
            }
        }
    }

    public IReadOnlyList<SipNameAddress> Contacts => AddressList(SipHeaderKind.Contact, "Contact");

    public IReadOnlyList<SipNameAddress> Routes => AddressList(SipHeaderKind.Route, "Route");

    public IReadOnlyList<SipNameAddress> RecordRoutes => AddressList(SipHeaderKind.RecordRoute, "Record-Route");

    /// <summary>Adds a Via above all others (RFC 3261 §8.1.1.7, §16.6 item 8).</summary>
    public void PushVia(SipVia via) => Headers.Insert(0, SipHeaderKind.Via, via.ToString());

    /// <summary>Replaces the topmost Via element, e.g. to add received/rport (RFC 3261 §18.2.1).</summary>
    public void ReplaceTopVia(SipVia via)
    {
        var index = Headers.IndexOf(SipHeaderKind.Via);
        if (index < 0)
        {
            throw Missing("Via");
        }

        var elements = new List<string>();
        SipHeaderValueSplitter.Split(Headers.ValueAt(index), elements);
        elements[0] = via.ToString();
        Headers.SetValueAt(index, string.Join(", ", elements));
    }

    /// <summary>Removes the topmost Via element (RFC 3261 §16.7 item 3), splitting a comma list if needed.</summary>
    public void PopVia()
    {
        var index = Headers.IndexOf(SipHeaderKind.Via);
        if (index < 0)
        {
            throw Missing("Via");
        }

        var elements = new List<string>();
        SipHeaderValueSplitter.Split(Headers.ValueAt(index), elements);
        if (elements.Count <= 1)
        {
            Headers.RemoveAt(index);
        }
        else
        {
            Headers.SetValueAt(index, string.Join(", ", elements.Skip(1)));
        }
    }

    private string Required(SipHeaderKind kind) => Headers[kind] ?? throw Missing(SipHeaderNames.GetName(kind));

    private SipNameAddress Address(SipHeaderKind kind, ref Cached<SipNameAddress> cache, string name)
    {
        var raw = Required(kind);
        if (ReferenceEquals(raw, cache.Source))
        {
            return cache.Value!;
        }

        var value = SipNameAddress.TryParse(raw, out var parsed) ? parsed : throw Malformed(name);
        cache = new Cached<SipNameAddress>(raw, value);
        return value;
    }

    private List<SipNameAddress> AddressList(SipHeaderKind kind, string name) =>
        Headers.GetListValues(kind).Select(v => SipNameAddress.TryParse(v, out var a) ? a : throw Malformed(name)).ToList();

    private static string FirstListElement(string raw)
    {
        var elements = new List<string>(2);
        SipHeaderValueSplitter.Split(raw, elements);
        return elements.Count > 0 ? elements[0] : raw;
    }

    private static SipParseException Missing(string name) => new(SipParseError.MissingHeader(name));

    private static SipParseException Malformed(string name) => new(SipParseError.BadRequest("Malformed " + name));

    /// <summary>A parsed header value remembered together with the exact string it came from.</summary>
    private readonly record struct Cached<T>(string? Source, T? Value);
}
