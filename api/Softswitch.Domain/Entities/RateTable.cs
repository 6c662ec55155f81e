namespace Softswitch.Domain;

/// <summary>A named price list; accounts point at one through <see cref="Account.RateTableId"/>.</summary>
public class RateTable : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public string Name { get; set; } = "";

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; set; } = "";

    public string? Description { get; set; }
}
