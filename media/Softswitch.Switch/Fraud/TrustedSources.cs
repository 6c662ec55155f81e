using System.Net;
using Softswitch.Domain;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// The platform's trusted blocks and every tenant's. Immutable; swapped whole when a tenant's list changes. Only
/// looked at once a threshold is crossed, so its linear scan stays off the per-packet path.
/// </summary>
public sealed class TrustedSources(IReadOnlyList<CidrBlock> platform, IReadOnlyList<TrustedBlock> tenants)
{
    /// <summary>The tenant whose list holds <paramref name="source"/>, "" for the platform's, null when not trusted.</summary>
    public string? FindTruster(IPAddress source)
    {
        foreach (var block in platform)
        {
            if (block.Contains(source))
            {
                return "";
            }
        }

        foreach (var entry in tenants)
        {
            if (entry.Block.Contains(source))
            {
                return entry.TenantId;
            }
        }

        return null;
    }
}

/// <summary>A block on one tenant's trusted list.</summary>
public sealed record TrustedBlock(CidrBlock Block, string TenantId);
