using System.ComponentModel.DataAnnotations;
using Softswitch.Domain;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// The <c>Softswitch:Fraud</c> settings of the signalling layer (platform-wide: it acts before a source is known to
/// belong to a tenant). Counting windows are fixed windows that start at a source's first counted request.
/// </summary>
public sealed class SignallingGuardOptions
{
    public const string Section = "Softswitch:Fraud";

    /// <summary>The flood rule's N: requests (datagrams, TCP frames or connections) one source may send per window.</summary>
    [Range(1, 10_000_000)]
    public int FloodRequests { get; set; } = 500;

    /// <summary>The flood rule's W, in seconds.</summary>
    [Range(1, 3_600)]
    public int FloodWindowSeconds { get; set; } = 5;

    /// <summary>The first ban's length T, in seconds; each repeat offence doubles it.</summary>
    [Range(1, 2_592_000)]
    public int BanSeconds { get; set; } = 300;

    /// <summary>The longest a grown ban lasts, in seconds.</summary>
    [Range(1, 2_592_000)]
    public int MaxBanSeconds { get; set; } = 86_400;

    /// <summary>A source banned again within this many seconds of its last ban's end is a repeat offender.</summary>
    [Range(1, 2_592_000)]
    public int RepeatOffenceSeconds { get; set; } = 86_400;

    /// <summary>
    /// Case-insensitive substrings of User-Agent, or of the From display name or user, that mark a scanner
    /// (comma-separated; empty turns the rule off).
    /// </summary>
    public string ScannerPatterns { get; set; } = "friendly-scanner,sipvicious,sipcli,VaxSIPUserAgent,pplsip,iWar,sip-scan,sipsak,smap,sundayddr,PortSIP VoIP SDK";

    /// <summary>Distinct user names one source may name in REGISTER or OPTIONS per sweep window.</summary>
    [Range(1, 100_000)]
    public int SweepDistinctUsers { get; set; } = 50;

    [Range(1, 86_400)]
    public int SweepWindowSeconds { get; set; } = 60;

    /// <summary>The flood rule's warning level: more requests than this in a window raise a <c>warn</c> event (0: none).</summary>
    [Range(0, 10_000_000)]
    public int FloodWarningRequests { get; set; }

    /// <summary>The sweep rule's warning level in distinct user names (0: none).</summary>
    [Range(0, 100_000)]
    public int SweepWarningUsers { get; set; }

    /// <summary>The per-address digest-failure rule's warning level (0: none).</summary>
    [Range(0, 100_000)]
    public int AuthFailuresWarning { get; set; }

    /// <summary>The per-phone digest-failure rule's warning level (0: none).</summary>
    [Range(0, 100_000)]
    public int PhoneAuthFailuresWarning { get; set; }

    /// <summary>VOS <c>SS_REG_FAIL_BLACKLIST_COUNT</c>: failed digest authentications from one address per window.</summary>
    [Range(1, 100_000)]
    public int AuthFailuresPerAddress { get; set; } = 10;

    /// <summary>VOS <c>SS_REG_FAIL_BLACKLIST_TIME</c>: that window, in seconds.</summary>
    [Range(1, 86_400)]
    public int AuthFailureWindowSeconds { get; set; } = 60;

    /// <summary>VOS <c>SS_CALLAUTH_INVALID_COUNT</c>: failed authentications of one phone before it is suspended.</summary>
    [Range(1, 100_000)]
    public int PhoneAuthFailures { get; set; } = 20;

    /// <summary>The window those failures count in, in seconds; a successful authentication starts it again.</summary>
    [Range(1, 2_592_000)]
    public int PhoneAuthFailureWindowSeconds { get; set; } = 3_600;

    /// <summary>Trusted sources are counted against every threshold times this, and raise an alert instead of a ban.</summary>
    [Range(1, 1_000)]
    public int TrustedThresholdMultiplier { get; set; } = 10;

    /// <summary>The platform's trusted addresses (comma-separated CIDR blocks); tenants add theirs through the API.</summary>
    public string TrustedAddresses { get; set; } = "";

    /// <summary>
    /// Rules that only report (comma-separated: flood, scanner, sweep, auth-failures, phone-auth-failures): crossing
    /// one raises a <c>monitor</c> security event instead of a ban or suspension, so a threshold can be tried safely.
    /// </summary>
    public string MonitorRules { get; set; } = "";

    /// <summary>Sources tracked at once; past it the oldest is forgotten (a spoofing attacker cannot exhaust memory).</summary>
    [Range(1_000, 10_000_000)]
    public int MaxTrackedSources { get; set; } = 100_000;

    /// <summary>Bans (and remembered offenders) held at once; past it the oldest go first.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxBans { get; set; } = 100_000;

    public TimeSpan FloodWindow => TimeSpan.FromSeconds(FloodWindowSeconds);

    public TimeSpan SweepWindow => TimeSpan.FromSeconds(SweepWindowSeconds);

    public TimeSpan AuthFailureWindow => TimeSpan.FromSeconds(AuthFailureWindowSeconds);

    public TimeSpan PhoneAuthFailureWindow => TimeSpan.FromSeconds(PhoneAuthFailureWindowSeconds);

    public IReadOnlyList<string> ScannerPatternList => Split(ScannerPatterns);

    public IReadOnlyList<string> MonitorRuleList => Split(MonitorRules);

    public IReadOnlyList<CidrBlock> TrustedBlocks => Split(TrustedAddresses).Select(CidrBlock.Parse).ToArray();

    /// <summary>What is wrong with these settings beyond their ranges; empty when they can be used.</summary>
    public IEnumerable<string> FindProblems()
    {
        if (MaxBanSeconds < BanSeconds)
        {
            yield return "MaxBanSeconds must be at least BanSeconds.";
        }

        foreach (var (name, _, blocking) in WarningLevels().Where(l => l.Warning >= l.Blocking))
        {
            yield return $"{name} must be below the level that blocks ({blocking}).";
        }

        foreach (var block in Split(TrustedAddresses).Where(b => !CidrBlock.IsValid(b)))
        {
            yield return $"TrustedAddresses: '{block}' is not a CIDR block.";
        }

        foreach (var rule in MonitorRuleList.Where(r => !SecurityRules.Signalling.Contains(r)))
        {
            yield return $"MonitorRules: '{rule}' is not a rule of the signalling layer ({string.Join(", ", SecurityRules.Signalling)}).";
        }
    }

    /// <summary>Each rule's warning level (0 when it has none) with the level that bans or suspends.</summary>
    public IEnumerable<(string Name, int Warning, int Blocking)> WarningLevels() =>
    [
        (nameof(FloodWarningRequests), FloodWarningRequests, FloodRequests),
        (nameof(SweepWarningUsers), SweepWarningUsers, SweepDistinctUsers),
        (nameof(AuthFailuresWarning), AuthFailuresWarning, AuthFailuresPerAddress),
        (nameof(PhoneAuthFailuresWarning), PhoneAuthFailuresWarning, PhoneAuthFailures),
    ];

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
