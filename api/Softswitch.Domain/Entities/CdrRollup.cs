namespace Softswitch.Domain;

/// <summary>
/// The sums of one tenant's CDRs whose call was set up in one UTC hour, for one <see cref="Dimension"/> value. Written
/// only by the rollup job, which adds each CDR once; reports read these rows, never the CDRs.
/// </summary>
/// <remarks>Money is kept in micro-units (<see cref="Money.ToMicros"/>) so both providers sum it as an integer.</remarks>
public class CdrRollup : TenantEntity
{
    public const int KeyMaxLength = 64;
    public const int SubKeyMaxLength = 32;

    public RollupDimension Dimension { get; set; }

    /// <summary>The start of the hour (UTC) the calls were set up in.</summary>
    public DateTime Hour { get; set; }

    public string Key { get; set; } = "";

    public string SubKey { get; set; } = "";

    /// <summary>CDRs: every call, refused ones included. For a routing gateway, the calls whose last attempt it took.</summary>
    public long Calls { get; set; }

    /// <summary>Calls refused by an admission rule.</summary>
    public long Refused { get; set; }

    /// <summary>INVITEs sent to routing gateways; for a routing gateway, those sent to it.</summary>
    public long Attempts { get; set; }

    public long Answered { get; set; }

    /// <summary>Answered time, in milliseconds.</summary>
    public long DurationMilliseconds { get; set; }

    /// <summary>The sum of the post-dial delays of <see cref="PddCalls"/> calls.</summary>
    public long PddMilliseconds { get; set; }

    public long PddCalls { get; set; }

    public long BilledSeconds { get; set; }

    public long ChargeMicros { get; set; }

    public long CostMicros { get; set; }

    public void Add(CdrRollup other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Calls += other.Calls;
        Refused += other.Refused;
        Attempts += other.Attempts;
        Answered += other.Answered;
        DurationMilliseconds += other.DurationMilliseconds;
        PddMilliseconds += other.PddMilliseconds;
        PddCalls += other.PddCalls;
        BilledSeconds += other.BilledSeconds;
        ChargeMicros += other.ChargeMicros;
        CostMicros += other.CostMicros;
    }
}
