namespace Softswitch.Sdk;

/// <summary>Trusts an address block (an IP address or CIDR block) of the tenant's own PBXs and trunks.</summary>
public sealed class TrustedAddressOptions
{
    public required string Block { get; init; }

    public string? Description { get; init; }
}
