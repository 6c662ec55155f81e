namespace Softswitch.Sdk;

public enum TenantStatus
{
    Active,
    Suspended,
}
