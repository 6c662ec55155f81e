using System.Collections.Frozen;
using Softswitch.Domain;
using Softswitch.Switch.Events;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// The enabled webhook endpoints of every tenant, as the switch's fast path reads them: swapped whole by the
/// <see cref="WebhookEndpointsRefresher"/>, read without locks on the call's executor.
/// </summary>
public sealed class WebhookEndpointTable : ICallMetadataHeaders
{
    private volatile FrozenDictionary<string, WebhookEndpoint[]> _byTenant = FrozenDictionary<string, WebhookEndpoint[]>.Empty;
    private volatile FrozenDictionary<string, string[]> _metadataHeaders = FrozenDictionary<string, string[]>.Empty;

    public IReadOnlyCollection<string> EndpointIds => _byTenant.Values.SelectMany(e => e).Select(e => e.Id).ToList();

    public void Replace(IEnumerable<WebhookEndpoint> enabled)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        var byTenant = enabled.GroupBy(e => e.TenantId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _metadataHeaders = byTenant
            .Select(t => (Tenant: t.Key, Names: t.Value.SelectMany(e => e.MetadataHeaders).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()))
            .Where(t => t.Names.Length > 0)
            .ToFrozenDictionary(t => t.Tenant, t => t.Names, StringComparer.Ordinal);
        _byTenant = byTenant;
    }

    /// <summary>The headers any of the tenant's enabled endpoints chose as metadata.</summary>
    public IReadOnlyList<string> For(string tenantId) => _metadataHeaders.GetValueOrDefault(tenantId) ?? [];

    /// <summary>The tenant's enabled endpoints subscribed to <paramref name="type"/>; empty (no allocation) for most tenants.</summary>
    public IReadOnlyList<WebhookEndpoint> Subscribers(string tenantId, string type)
    {
        if (!_byTenant.TryGetValue(tenantId, out var endpoints))
        {
            return [];
        }

        List<WebhookEndpoint>? subscribed = null;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.EventTypes.Contains(type, StringComparer.Ordinal))
            {
                (subscribed ??= []).Add(endpoint);
            }
        }

        return subscribed is null ? [] : subscribed;
    }
}
