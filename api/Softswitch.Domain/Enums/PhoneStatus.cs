namespace Softswitch.Domain;

public enum PhoneStatus
{
    Active,
    Disabled,
}
