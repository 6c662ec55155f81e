using System.Net;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// Who the phone is and where its SIP goes. Every request is routed through <see cref="OutboundProxy"/> (baresip's
/// <c>outbound</c> account parameter), so a test points it at the switch, or at a SIPp peer in the harness's self-tests.
/// </summary>
public sealed record BaresipPhoneOptions
{
    /// <summary>The user part of the address of record, <c>sip:User@Domain</c>; also the digest user name.</summary>
    public required string User { get; init; }

    /// <summary>The AOR domain: the tenant's SIP domain as the registrar knows it. No DNS is looked up for it.</summary>
    public required string Domain { get; init; }

    public required IPEndPoint OutboundProxy { get; init; }

    /// <summary>The digest password (<c>auth_pass</c>); null sends no credentials.</summary>
    public string? Password { get; init; }

    public BaresipTransport Transport { get; init; } = BaresipTransport.Udp;

    /// <summary>The REGISTER interval (<c>regint</c>); null means the phone never registers.</summary>
    public TimeSpan? RegistrationInterval { get; init; }

    /// <summary>Answer incoming calls at once (<c>answermode=auto</c>); otherwise they ring until the caller gives up.</summary>
    public bool AutoAnswer { get; init; }

    /// <summary>
    /// How long the generated tone plays. baresip 1.0.0 hangs up a call when aufile reaches the end of its file, so
    /// this is also the longest any call of this phone lasts; a short one makes a call of a known duration.
    /// </summary>
    public TimeSpan AudioLength { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>baresip's own <c>-t</c>: it quits by itself after this even if the test process died without disposing it.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(5);
}
