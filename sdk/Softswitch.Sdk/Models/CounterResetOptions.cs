namespace Softswitch.Sdk;

/// <summary>Clears the counters of one number (or account id) under every rule of the tenant.</summary>
public sealed class CounterResetOptions
{
    public required string Value { get; init; }
}
