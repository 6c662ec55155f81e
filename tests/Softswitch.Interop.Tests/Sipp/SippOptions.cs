using System.Net;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>One SIPp run on loopback: a UAC when <see cref="Remote"/> is set, else a UAS waiting for calls.</summary>
public sealed record SippOptions
{
    /// <summary>A file name from <see cref="SippScenario"/>.</summary>
    public required string Scenario { get; init; }

    /// <summary>Where a UAC sends its requests; null for a UAS.</summary>
    public IPEndPoint? Remote { get; init; }

    public SippTransport Transport { get; init; } = SippTransport.Udp;

    /// <summary>The loopback address SIPp binds (<c>-i</c>); anti-fraud tests attack from addresses other than 127.0.0.1.</summary>
    public string LocalAddress { get; init; } = "127.0.0.1";

    /// <summary>The loopback address of SIPp's media socket (<c>-mi</c>), which its SDP offers and answers name in <c>c=</c>; null: <see cref="LocalAddress"/>.</summary>
    public string? MediaAddress { get; init; }

    /// <summary>SIPp exits after this many calls (<c>-m</c>); a UAS serving an unknown number is ended with StopAsync.</summary>
    public int Calls { get; init; } = 1;

    /// <summary>New calls per second for a UAC (<c>-r</c>).</summary>
    public double CallsPerSecond { get; init; } = 10;

    /// <summary>Length of each scenario's <c>&lt;pause/&gt;</c> (<c>-d</c>): talk time, ringing before a CANCEL, or before a callee's BYE.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.Zero;

    /// <summary>Percentage of SIP messages SIPp drops on purpose, sent or received (<c>-lost</c>).</summary>
    public int? LostPercent { get; init; }

    /// <summary>The called number: SIPp's <c>-s</c>, the <c>[service]</c> keyword.</summary>
    public string Callee { get; init; } = "15550002222";

    /// <summary>The calling number: the <c>[caller]</c> keyword.</summary>
    public string Caller { get; init; } = "15550001111";

    /// <summary>The final status uac-expect-failure.xml must get (global variable expected_status); null accepts any failure.</summary>
    public int? ExpectedStatus { get; init; }

    public SippAccount? Account { get; init; }

    /// <summary>
    /// The digest <c>uri</c> SIPp answers challenges with (<c>-auth_uri</c>, without <c>sip:</c>). It must be the
    /// Request-URI of the challenged request (RFC 3261 §22.4), and SIPp's default is its remote address instead.
    /// </summary>
    public string? AuthUri { get; init; }

    /// <summary>More <c>-key name value</c> keywords, used as <c>[name]</c> in scenarios.</summary>
    public IReadOnlyDictionary<string, string> Keywords { get; init; } = new Dictionary<string, string>();

    /// <summary>More <c>-set name value</c> global variables, used as <c>[$name]</c> in scenarios that declare them.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>SIPp gives up and fails after this long (<c>-timeout</c>, <c>-timeout_error</c>); the process is killed soon after.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The scenario for requests that belong to none of this run's calls (SIPp -oocsf): a registered phone's incoming calls.</summary>
    public string? OutOfCallScenario { get; init; }

    /// <summary>Keep every SIP message in the result (<c>-trace_msg</c>); turn off for load.</summary>
    public bool TraceMessages { get; init; } = true;

    /// <summary>
    /// Keep every call's response time in the result (<c>-trace_rtt -rtt_freq 1</c>): for each call, the time from its
    /// start to the first message its scenario marks <c>rtd="true"</c>, in whole milliseconds.
    /// </summary>
    public bool TraceResponseTimes { get; init; }
}
