using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Calls;

/// <summary>What ingress decided about a new INVITE: accepted with its origin, or a response to send instead.</summary>
internal readonly record struct IngressVerdict(CallOrigin? Origin, SipResponse? Response, bool Forbidden, bool Ambiguous = false, bool Unavailable = false)
{
    public static IngressVerdict Accept(CallOrigin origin) => new(origin, null, false);

    public static IngressVerdict Challenge(SipResponse challenge) => new(null, challenge, false);

    /// <summary>A 503: the caller may be genuine, but the switch cannot check it now (its realm's nonce budget is spent).</summary>
    public static IngressVerdict Busy(SipResponse unavailable) => new(null, unavailable, false, Unavailable: true);

    /// <summary>A 403 that anti-fraud counts: an unknown source, or a phone that failed authentication twice.</summary>
    public static IngressVerdict Forbid(SipResponse forbidden) => new(null, forbidden, true);

    /// <summary>A 403 because trunks of two tenants claim the source equally; counted apart from unknown sources.</summary>
    public static IngressVerdict Refuse(SipResponse forbidden, bool ambiguous) => new(null, forbidden, true, ambiguous);
}
