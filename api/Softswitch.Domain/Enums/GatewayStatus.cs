namespace Softswitch.Domain;

/// <summary>Status of gateways and routes.</summary>
public enum GatewayStatus
{
    Active,
    Disabled,
}
