namespace Softswitch.Sdk;

/// <summary>Up to 10,000 numbers to add to or remove from a list (digits, a leading <c>+</c> allowed).</summary>
public sealed class NumbersOptions
{
    public required IReadOnlyList<string> Numbers { get; init; }
}
