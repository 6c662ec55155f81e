namespace Softswitch.Domain;

/// <summary>Which number of a call a list is matched against.</summary>
public enum NumberSide
{
    Caller,
    Callee,
}
