namespace Softswitch.Domain;

/// <summary>
/// A dynamic-blacklist rule of one tenant: what it counts (<see cref="Kind"/>), where (<see cref="Scope"/>), the
/// level that raises a warning event and the level that blacklists the subject for <see cref="ExpireSeconds"/>
/// counted from its last attempt. Levels are "more than": a blocking level of 10 lets 10 calls through and stops
/// the 11th, as VOS3000's SS_BLACK_LIST_LIMIT does.
/// </summary>
public class FraudRule : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int MaxGateways = 100;

    public string Name { get; set; } = "";

    public FraudRuleKind Kind { get; set; }

    public FraudRuleScope Scope { get; set; }

    /// <summary>For <see cref="FraudRuleScope.Standalone"/>: the mapping gateways that enable the rule.</summary>
    public List<string> MappingGatewayIds { get; set; } = [];

    /// <summary>More than this raises a warning event only; null: no warning level.</summary>
    public int? WarningLevel { get; set; }

    public int BlockingLevel { get; set; }

    /// <summary>The counting window (VOS3000 SS_BLACK_LIST_CHECK_INTERVAL); unused by <see cref="FraudRuleKind.CallerConcurrency"/>.</summary>
    public int WindowSeconds { get; set; }

    /// <summary>How long a blacklisted subject stays blocked after its last attempt (VOS3000 SS_BLACK_LIST_EXPIRE); 0: only the call that crossed the level is refused.</summary>
    public int ExpireSeconds { get; set; }

    /// <summary>Warnings and would-block events are recorded; nothing is blocked.</summary>
    public bool MonitorOnly { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>For <see cref="FraudRuleKind.NoAnswer"/>: an answered call shorter than this counts as unanswered.</summary>
    public int MinAnsweredSeconds { get; set; }

    /// <summary>For <see cref="FraudRuleKind.DistinctCallees"/>: count distinct prefixes of this many digits; 0 counts whole numbers.</summary>
    public int PrefixLength { get; set; }

    /// <summary>For <see cref="FraudRuleKind.DistinctCallees"/>: count per calling number or per account.</summary>
    public BlacklistSubject CountBy { get; set; } = BlacklistSubject.Caller;

    /// <summary>The SIP status a blocked call is refused with.</summary>
    public int ResponseCode { get; set; } = 403;
}
