namespace Softswitch.Sdk;

/// <summary>Calls to one country (ISO 3166-1 alpha-2; null when the number names none) and libphonenumber number type.</summary>
public sealed class DestinationReportRow
{
    public required string? Country { get; init; }

    public required string NumberType { get; init; }

    public required ReportFigures Figures { get; init; }
}
