namespace Softswitch.Domain;

/// <summary>What an alarm rule watches (issue 9 §8).</summary>
public enum AlarmKind
{
    /// <summary>One ended call longer than <c>threshold</c> seconds.</summary>
    LongCall,

    /// <summary>The answer-seizure ratio (percent) of a routing gateway or an account below <c>threshold</c> over a window.</summary>
    LowAsr,

    /// <summary>An account's calls in the last hour above <c>threshold</c> × its usual volume for that hour.</summary>
    TrafficSpike,

    /// <summary>An account's first call to a country it never called before.</summary>
    NewCountry,

    /// <summary>A call set up outside the rule's work calendar.</summary>
    OutsideWorkingHours,

    /// <summary>An account's balance below <c>threshold</c> (or below its own <c>low_balance_threshold</c>).</summary>
    LowBalance,

    /// <summary>A reconciliation whose charge deviation passed its alarm threshold.</summary>
    ReconciliationDeviation,

    /// <summary>At least <c>threshold</c> security events of one rule within a window.</summary>
    SecurityEventBurst,

    /// <summary>A routing gateway down (OPTIONS pings unanswered) for longer than <c>threshold</c> seconds; once per down period.</summary>
    GatewayDown,
}
