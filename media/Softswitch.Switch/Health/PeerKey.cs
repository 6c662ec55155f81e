namespace Softswitch.Switch.Health;

/// <summary>
/// One pinged peer of one tenant: a routing gateway (its id) or a SIP routing server (its configured URI). Health is
/// kept per tenant, so one tenant's view of a shared host never moves another's.
/// </summary>
public readonly record struct PeerKey(string TenantId, string Id);
