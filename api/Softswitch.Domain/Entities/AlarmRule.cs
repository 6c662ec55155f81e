namespace Softswitch.Domain;

/// <summary>
/// One alarm rule of a tenant: what it watches (<see cref="Kind"/>), its threshold, window and minimum call count,
/// an optional scope (one account or one routing gateway) and how long a firing silences the next notifications
/// about the same subject.
/// </summary>
public class AlarmRule : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int MaxPerTenant = 200;

    public string Name { get; set; } = "";

    public AlarmKind Kind { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Only this account's calls or balance; null: every account.</summary>
    public string? AccountId { get; set; }

    /// <summary>Only this routing gateway's calls (low ASR); null: every gateway.</summary>
    public string? RoutingGatewayId { get; set; }

    /// <summary>Seconds (long call), percent (ASR), multiple (traffic), money (balance), count (burst); unused for the others.</summary>
    public decimal? Threshold { get; set; }

    /// <summary>The evaluation window of low ASR and security-event bursts.</summary>
    public int WindowMinutes { get; set; } = 15;

    /// <summary>Fewer calls than this in the window never fire (low ASR, traffic spike).</summary>
    public int MinimumCalls { get; set; }

    /// <summary>After a notified firing about a subject, further firings about it within this time are suppressed.</summary>
    public int SuppressionMinutes { get; set; } = 60;

    /// <summary>Store every firing as suppressed and send nothing (VOS "Suppressing all duration too long alarm").</summary>
    public bool SuppressAll { get; set; }

    /// <summary>The security-event rule a burst counts (e.g. <c>auth-failure</c>, <c>low-balance</c>).</summary>
    public string? SecurityEventRule { get; set; }

    /// <summary>Working time for <see cref="AlarmKind.OutsideWorkingHours"/>.</summary>
    public WorkCalendar WorkCalendar { get; set; } = new();
}
