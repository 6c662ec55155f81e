namespace Softswitch.Sdk;

public enum SecurityAction
{
    Ban,
    Alert,
    Suspend,
    Lift,
    Refuse,
    Monitor,
    Warn,
}
