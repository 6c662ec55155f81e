namespace Softswitch.Domain;

/// <summary>What a package renewal the account cannot pay does (VOS3000 suite orders).</summary>
public enum FailedRenewalMode
{
    /// <summary>The account is suspended (its calls stop) until it is topped up and set active again.</summary>
    Suspend,

    /// <summary>The subscription lapses; the account goes on without the package.</summary>
    Lapse,
}
