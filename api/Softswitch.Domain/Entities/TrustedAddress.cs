namespace Softswitch.Domain;

/// <summary>
/// A block on a tenant's trusted list (its own PBXs and trunks): the anti-fraud signalling layer counts it against
/// higher thresholds and raises alerts instead of banning it.
/// </summary>
public class TrustedAddress : TenantEntity
{
    public const int BlockMaxLength = 49;
    public const int DescriptionMaxLength = 200;

    /// <summary>CIDR block in canonical form (<see cref="CidrBlock.ToString"/>).</summary>
    public string Block { get; set; } = "";

    public string? Description { get; set; }
}
