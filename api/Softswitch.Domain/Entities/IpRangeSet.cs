namespace Softswitch.Domain;

/// <summary>A named set of address ranges (a country's networks, a partner's blocks) that geofences refer to.</summary>
public class IpRangeSet : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 200;

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Ranges in the set; kept on the set so the switch can tell a changed set without reading its ranges.</summary>
    public int RangeCount { get; set; }
}
