using System.Net;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// What the control plane tells the signalling layer, reloaded from the database every half second: bans operators
/// lifted, the tenants' trusted blocks, and the threat feed's bans (null when unchanged since the last time).
/// </summary>
public sealed record SecurityDirectives(IReadOnlyList<BanLift> Lifts, IReadOnlyList<TrustedBlock> TenantTrusted, IReadOnlyList<ImportedBan>? Imported = null);

/// <summary>A ban the control plane holds for <see cref="Address"/> (the threat feed's), in force until <see cref="ExpiresAt"/>.</summary>
public sealed record ImportedBan(IPAddress Address, string Rule, DateTimeOffset BannedAt, DateTimeOffset ExpiresAt);

/// <summary>An operator lifted <see cref="Address"/>'s ban at <see cref="LiftedAt"/>.</summary>
public sealed record BanLift(IPAddress Address, DateTimeOffset LiftedAt);
