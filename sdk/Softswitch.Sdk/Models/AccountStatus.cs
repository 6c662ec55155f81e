namespace Softswitch.Sdk;

public enum AccountStatus
{
    Active,
    Suspended,
    Closed,
}
