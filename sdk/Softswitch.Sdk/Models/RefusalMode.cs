namespace Softswitch.Sdk;

public enum RefusalMode
{
    Enforce,
    Monitor,
}
