namespace Softswitch.Domain;

/// <summary>A routing gateway's health as one switch sees it, and since when.</summary>
public readonly record struct GatewayHealthReading(GatewayHealthStatus Status, DateTime? Since)
{
    public static GatewayHealthReading Unknown { get; } = new(GatewayHealthStatus.Unknown, null);
}

/// <summary>
/// Reads routing gateways' health from the switch of this process. Only a process running the <c>switch</c> role
/// knows it (the state is in its memory); elsewhere every gateway reads <see cref="GatewayHealthReading.Unknown"/>.
/// </summary>
public interface IGatewayHealthView
{
    GatewayHealthReading Read(string tenantId, string routingGatewayId);
}
