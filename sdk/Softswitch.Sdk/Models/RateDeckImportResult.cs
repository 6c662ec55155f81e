namespace Softswitch.Sdk;

/// <summary>What a rate-deck import wrote: the rates imported and, in replace mode, the rates it replaced.</summary>
public sealed class RateDeckImportResult
{
    public required int Imported { get; init; }

    public required int Replaced { get; init; }
}
