namespace Softswitch.Domain;

/// <summary>What a dynamic-blacklist rule counts (issue 8 §4).</summary>
public enum FraudRuleKind
{
    /// <summary>Calls from one caller in the window (VOS3000 SS_BLACK_LIST_*); the caller is blacklisted.</summary>
    CallerFrequency,

    /// <summary>Calls to one callee in the window (the IRSF pattern); the callee is blacklisted.</summary>
    CalleeFrequency,

    /// <summary>Calls up at once from one caller; the caller is blacklisted.</summary>
    CallerConcurrency,

    /// <summary>Consecutive unanswered (or shorter than the minimum) calls to one callee in the window; the callee is blacklisted.</summary>
    NoAnswer,

    /// <summary>Distinct callees (or callee prefixes) one caller or account dials in the window; that caller or account is blacklisted.</summary>
    DistinctCallees,

    /// <summary>
    /// Opt-in scanner honeypot: calls to numbers that sources banned as scanners tried to reach are refused until
    /// the rule's expiry has passed since a scanner last dialled them. Counts nothing and makes no entries.
    /// </summary>
    ScannerDestinations,
}
