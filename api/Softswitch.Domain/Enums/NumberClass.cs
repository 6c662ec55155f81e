namespace Softswitch.Domain;

/// <summary>
/// Risky kinds of number a rule can forbid. Premium-rate, shared-cost and invalid come from libphonenumber's metadata;
/// satellite is the ITU ranges +881, +882 and +883; high-risk is the tenant's own prefix set; international is any
/// number whose country calling code is not the tenant's home country's.
/// </summary>
public enum NumberClass
{
    PremiumRate,
    SharedCost,
    Satellite,
    Invalid,
    HighRisk,
    International,
}
