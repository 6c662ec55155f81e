namespace Softswitch.Sdk;

/// <summary>One number of a number list.</summary>
public sealed class ListedNumber
{
    public required string Number { get; init; }
}
