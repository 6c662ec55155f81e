namespace Softswitch.Domain;

public enum TenantStatus
{
    Active,
    Suspended,
}
