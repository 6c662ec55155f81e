namespace Softswitch.Sdk;

public enum GatewayStatus
{
    Active,
    Disabled,
}
