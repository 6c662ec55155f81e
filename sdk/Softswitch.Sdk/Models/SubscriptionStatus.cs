namespace Softswitch.Sdk;

public enum SubscriptionStatus
{
    Active,
    Lapsed,
    Suspended,
    Cancelled,
}
