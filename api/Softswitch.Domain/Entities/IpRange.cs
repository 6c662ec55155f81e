namespace Softswitch.Domain;

/// <summary>One range of an <see cref="IpRangeSet"/>: every address from <see cref="First"/> to <see cref="Last"/>.</summary>
public class IpRange : TenantEntity
{
    public const int AddressMaxLength = 39;

    public string IpRangeSetId { get; set; } = "";

    /// <summary>Canonical text of the first address (<see cref="AddressRange.FirstAddress"/>).</summary>
    public string First { get; set; } = "";

    /// <summary>Canonical text of the last address, inclusive.</summary>
    public string Last { get; set; } = "";
}
