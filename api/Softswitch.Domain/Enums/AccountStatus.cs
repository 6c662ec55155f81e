namespace Softswitch.Domain;

public enum AccountStatus
{
    Active,
    Suspended,
    Closed,
}
