namespace Softswitch.Domain;

/// <summary>An outbound trunk (VOS3000 "routing gateway") to a vendor's SIP server.</summary>
public class RoutingGateway : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int HostMaxLength = 253;
    public const int AddPrefixMaxLength = 32;
    public const int DefaultOptionsPingSeconds = 30;
    public const int MinOptionsPingSeconds = 1;
    public const int MaxOptionsPingSeconds = 3600;

    public string AccountId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 5060;

    public SipTransport Transport { get; set; }

    /// <summary>Lower values are tried first.</summary>
    public int Priority { get; set; }

    /// <summary>Share of traffic among gateways with the same priority.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>Leading digits removed from the callee before <see cref="AddPrefix"/> is prepended.</summary>
    public int StripDigits { get; set; }

    public string? AddPrefix { get; set; }

    public int? MaxConcurrentCalls { get; set; }

    /// <summary>New calls a second the vendor takes (a token bucket); past it the vendor is skipped like a full one.</summary>
    public int? MaxCallsPerSecond { get; set; }

    public int? MaxCallDurationSeconds { get; set; }

    public int? NoAnswerTimeoutSeconds { get; set; }

    /// <summary>Final responses after which the next gateway is tried.</summary>
    public List<int> FailoverCodes { get; set; } = [408, 500, 502, 503, 504];

    /// <summary>Final responses that end the call attempt and go back upstream (busy, declined).</summary>
    public List<int> StopCodes { get; set; } = [486, 600, 603];

    /// <summary>What to do with a 3xx from this gateway (RFC 3261 §8.1.3.4).</summary>
    public RedirectPolicy RedirectPolicy { get; set; }

    /// <summary>Probe the gateway with OPTIONS and skip it while it does not answer.</summary>
    public bool OptionsPing { get; set; }

    /// <summary>Seconds between two OPTIONS pings while <see cref="OptionsPing"/> is on.</summary>
    public int OptionsPingSeconds { get; set; } = DefaultOptionsPingSeconds;

    public GatewayStatus Status { get; set; }

    /// <summary>Number lists, caller/callee rules and caller length limits: a vendor that refuses a call is skipped in routing.</summary>
    public NumberScreening NumberScreening { get; set; } = new();

    /// <summary>Removes <see cref="StripDigits"/> leading characters (all of them if the number is shorter) and prepends <see cref="AddPrefix"/>.</summary>
    public string RewriteCallee(string callee)
    {
        ArgumentNullException.ThrowIfNull(callee);
        var strip = Math.Clamp(StripDigits, 0, callee.Length);
        return string.Concat(AddPrefix, callee.AsSpan(strip));
    }
}
