namespace Softswitch.Domain;

/// <summary>Which party ended a call, or the switch itself (timeouts, duration limits, failures).</summary>
public enum HangupSide
{
    Caller,
    Callee,
    Switch,
}
