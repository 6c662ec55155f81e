using Softswitch.Domain;

namespace Softswitch.Switch.Config;

/// <summary>An active account as the switch sees it.</summary>
public sealed record AccountEntry(string Id, string TenantId, string Name, AccountKind Kind, decimal AvailableFunds);
