namespace Softswitch.Sip.Messages;

/// <summary>A generic parameter (RFC 3261 §25.1 generic-param). <see cref="Value"/> is null for a flag such as <c>;lr</c>.</summary>
public readonly record struct SipParameter(string Name, string? Value)
{
    public override string ToString() => Value is null ? Name : string.Concat(Name, "=", Value);
}
