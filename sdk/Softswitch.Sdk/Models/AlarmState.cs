namespace Softswitch.Sdk;

public enum AlarmState
{
    Open,
    Acknowledged,
    Resolved,
    Suppressed,
}
