namespace Softswitch.Sdk;

public enum NumberSide
{
    Caller,
    Callee,
}
