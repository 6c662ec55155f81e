namespace Softswitch.Sdk;

/// <summary>Number lists and rules screening a gateway's calls.</summary>
public sealed class NumberScreening
{
    public IReadOnlyList<string>? NumberListIds { get; init; }

    public NumberRule? Caller { get; init; }

    public NumberRule? Callee { get; init; }

    public int? CallerMinLength { get; init; }

    public int? CallerMaxLength { get; init; }
}
