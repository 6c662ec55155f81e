namespace Softswitch.Sdk;

/// <summary>Sets a CDR's charge; the reason is kept with the correction.</summary>
public sealed class CdrCorrectionOptions
{
    public required decimal Charge { get; init; }

    public required string Reason { get; init; }
}
