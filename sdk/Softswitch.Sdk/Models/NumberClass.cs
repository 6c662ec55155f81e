namespace Softswitch.Sdk;

public enum NumberClass
{
    PremiumRate,
    SharedCost,
    Satellite,
    Invalid,
    HighRisk,
    International,
}
