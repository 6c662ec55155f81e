namespace Softswitch.Sdk;

public enum PhoneStatus
{
    Active,
    Disabled,
    Suspended,
}
