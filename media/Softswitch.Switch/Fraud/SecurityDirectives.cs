using System.Net;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// What the control plane tells the signalling layer, reloaded from the database every half second: bans operators
/// lifted, and the tenants' trusted blocks.
/// </summary>
public sealed record SecurityDirectives(IReadOnlyList<BanLift> Lifts, IReadOnlyList<TrustedBlock> TenantTrusted);

/// <summary>An operator lifted <see cref="Address"/>'s ban at <see cref="LiftedAt"/>.</summary>
public sealed record BanLift(IPAddress Address, DateTimeOffset LiftedAt);
