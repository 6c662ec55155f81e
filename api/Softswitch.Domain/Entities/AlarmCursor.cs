namespace Softswitch.Domain;

/// <summary>
/// How far an alarm rule has read the tenant's CDRs, in store order (<see cref="Entity.CreatedAt"/>, then id), so
/// each stored CDR is looked at once by each rule that reads CDRs one by one.
/// </summary>
public class AlarmCursor : TenantEntity
{
    public string RuleId { get; set; } = "";

    public DateTime ThroughCreatedAt { get; set; }

    public string ThroughId { get; set; } = "";
}
