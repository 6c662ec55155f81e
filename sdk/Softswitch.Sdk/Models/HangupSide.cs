namespace Softswitch.Sdk;

public enum HangupSide
{
    Caller,
    Callee,
    Switch,
}
