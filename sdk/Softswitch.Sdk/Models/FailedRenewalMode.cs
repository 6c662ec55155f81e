namespace Softswitch.Sdk;

public enum FailedRenewalMode
{
    Suspend,
    Lapse,
}
