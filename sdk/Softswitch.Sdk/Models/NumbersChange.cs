namespace Softswitch.Sdk;

/// <summary>How many numbers a change added or removed, and how many the list holds now.</summary>
public sealed class NumbersChange
{
    public required int Changed { get; init; }

    public required int NumberCount { get; init; }
}
