namespace Softswitch.Sdk;

/// <summary>What an import wrote: the ranges imported and, in replace mode, the ranges it replaced.</summary>
public sealed class IpRangeImportResult
{
    public required int Imported { get; init; }

    public required int Replaced { get; init; }
}
