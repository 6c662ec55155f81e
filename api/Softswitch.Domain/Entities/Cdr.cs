namespace Softswitch.Domain;

/// <summary>
/// A call detail record: one per call, written by the switch after the call ends. Its id is assigned by the
/// switch when the call is set up, so a record written twice (spool replay) is stored once.
/// </summary>
/// <remarks>
/// Account, gateway and phone ids are plain values, not foreign keys: a record is history and must outlive
/// (and never block the deletion of) what it names.
/// </remarks>
public class Cdr : TenantEntity
{
    public const int CallIdMaxLength = 256;
    public const int NumberMaxLength = 64;
    public const int RuleMaxLength = 64;
    public const int RedirectServerMaxLength = 300;

    /// <summary>The Call-ID of the caller's dialog.</summary>
    public string CallId { get; set; } = "";

    /// <summary>The billed client account, or null when the call was refused before one was known.</summary>
    public string? AccountId { get; set; }

    public string? MappingGatewayId { get; set; }

    public string? PhoneId { get; set; }

    /// <summary>The routing gateway of the last attempt: the one that answered, or the one whose failure ended the call.</summary>
    public string? RoutingGatewayId { get; set; }

    public string CallerReceived { get; set; } = "";

    public string CalleeReceived { get; set; } = "";

    /// <summary>The calling number as sent to the vendor, after rewrite rules.</summary>
    public string? CallerSent { get; set; }

    /// <summary>The called number as sent on the last attempt.</summary>
    public string? CalleeSent { get; set; }

    public DateTime SetupAt { get; set; }

    /// <summary>First 180/183 relayed to the caller.</summary>
    public DateTime? RingingAt { get; set; }

    public DateTime? AnswerAt { get; set; }

    public DateTime EndAt { get; set; }

    /// <summary>Post-dial delay: setup to first ringing (or to the final response when nothing rang).</summary>
    public int? PddMilliseconds { get; set; }

    /// <summary>Answer to end, in whole milliseconds; 0 for unanswered calls.</summary>
    public long DurationMilliseconds { get; set; }

    /// <summary>The final SIP status the caller received (200 for answered calls).</summary>
    public int FinalCode { get; set; }

    /// <summary>ITU-T Q.850 cause value, mapped from the final SIP code per RFC 3398 §8.2.6.1.</summary>
    public int Q850Cause { get; set; }

    public HangupSide HangupSide { get; set; }

    /// <summary>True when the switch stopped (crash or kill) while the call was in progress; times are then the last known.</summary>
    public bool Interrupted { get; set; }

    /// <summary>The admission rule that refused the call (e.g. <c>call-rate</c>); null for a call that was admitted.</summary>
    public string? RefusalRule { get; set; }

    /// <summary>The routing server whose answer decided the routes (3xx redirect client); null when none was asked or none answered.</summary>
    public string? RedirectServer { get; set; }

    /// <summary>How long the redirect query took, to the deciding answer or the deadline; null when none was asked.</summary>
    public int? RedirectMilliseconds { get; set; }

    /// <summary>Billed duration in whole seconds: the answered time rounded up by the customer rate's increments; 0 when unanswered or unrated.</summary>
    public int BilledSeconds { get; set; }

    /// <summary>What the client account pays for the call, in its currency, after package allowances; null when no customer rate applied.</summary>
    public decimal? Charge { get; set; }

    /// <summary>What the answering vendor charges us, in the vendor account's currency; null when no vendor rate applied.</summary>
    public decimal? Cost { get; set; }

    /// <summary>The customer rate prefix that priced the call.</summary>
    public string? RatePrefix { get; set; }

    /// <summary>The vendor rate prefix that costed the call.</summary>
    public string? CostPrefix { get; set; }

    /// <summary>Seconds of the call paid from package free minutes (VOS3000 "package usage duration").</summary>
    public int PackageSeconds { get; set; }

    /// <summary>Money of the call paid from a package's free amount (VOS3000 "package charges").</summary>
    public decimal PackageAmount { get; set; }

    /// <summary>Every attempt to a routing gateway, in order.</summary>
    public List<CdrAttempt> Attempts { get; set; } = [];
}
