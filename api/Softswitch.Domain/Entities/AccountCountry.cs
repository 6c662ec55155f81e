namespace Softswitch.Domain;

/// <summary>A country an account has called, learnt by the new-country alarm from its calls.</summary>
public class AccountCountry : TenantEntity
{
    public string AccountId { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";

    public string FirstCdrId { get; set; } = "";

    public DateTime FirstCallAt { get; set; }
}
