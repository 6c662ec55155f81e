namespace Softswitch.Domain;

/// <summary>
/// One source block and tech prefix a mapping gateway takes calls on. A tenant's claims keep every other tenant out:
/// the switch must never find trunks of two tenants that match one INVITE.
/// </summary>
/// <remarks>
/// An INVITE matches a claim when its source is in the block and its callee starts with the tech prefix (an empty
/// prefix starts every callee). So two claims can match the same INVITE exactly when their blocks overlap (CIDR blocks
/// overlap only when one contains the other) and one prefix starts the other, the empty prefix included.
/// </remarks>
public readonly record struct IngressClaim(CidrBlock Block, string TechPrefix)
{
    public static IEnumerable<IngressClaim> Of(IEnumerable<string> sourceAddresses, string? techPrefix)
    {
        ArgumentNullException.ThrowIfNull(sourceAddresses);
        foreach (var address in sourceAddresses)
        {
            if (CidrBlock.TryParse(address, out var block))
            {
                yield return new IngressClaim(block, techPrefix ?? "");
            }
        }
    }

    public bool CouldMatchTheSameInvite(IngressClaim other) =>
        Block.Overlaps(other.Block)
        && (TechPrefix.StartsWith(other.TechPrefix, StringComparison.Ordinal)
            || other.TechPrefix.StartsWith(TechPrefix, StringComparison.Ordinal));
}
