namespace Softswitch.Domain;

/// <summary>
/// One firing of an alarm rule about one subject (an account, a routing gateway or the tenant) for one window or
/// event (<see cref="WindowKey"/>). (rule, subject, window key) is unique, so evaluating a window twice fires once.
/// Rule and subject ids are plain values: an alarm is history and outlives what it names.
/// </summary>
public class Alarm : TenantEntity
{
    public const int SubjectMaxLength = 64;
    public const int WindowKeyMaxLength = 64;
    public const int EvidenceMaxLength = 2_000;
    public const int ActorMaxLength = 64;
    public const int EmailErrorMaxLength = 300;
    public const int MaxCdrIds = 20;

    public string RuleId { get; set; } = "";

    public AlarmKind Kind { get; set; }

    /// <summary><c>account</c>, <c>routing_gateway</c> or <c>tenant</c>.</summary>
    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string WindowKey { get; set; } = "";

    public decimal Observed { get; set; }

    public decimal Threshold { get; set; }

    public string Evidence { get; set; } = "";

    public List<string> CdrIds { get; set; } = [];

    public DateTime FiredAt { get; set; }

    public AlarmState State { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public AlarmEmailStatus EmailStatus { get; set; }

    public int EmailAttempts { get; set; }

    public DateTime? EmailNextAttemptAt { get; set; }

    public DateTime? EmailSentAt { get; set; }

    public string? EmailError { get; set; }
}
