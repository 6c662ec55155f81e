namespace Softswitch.Sdk;

public enum AlarmEmailStatus
{
    Pending,
    Sent,
    Failed,
    NotConfigured,
    Suppressed,
}
