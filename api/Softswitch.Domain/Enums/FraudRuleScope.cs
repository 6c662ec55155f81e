namespace Softswitch.Domain;

/// <summary>Where a dynamic-blacklist rule counts and blocks; never beyond its tenant.</summary>
public enum FraudRuleScope
{
    /// <summary>Tenant-wide: one counter and one entry per number over all the tenant's trunks and phones.</summary>
    Central,

    /// <summary>Per mapping gateway: counters and entries of each gateway the rule names, apart.</summary>
    Standalone,
}
