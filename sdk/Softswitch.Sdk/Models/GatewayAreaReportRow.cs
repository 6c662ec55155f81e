namespace Softswitch.Sdk;

/// <summary>One cell of the gateway × destination country cross table (country null: unknown).</summary>
public sealed class GatewayAreaReportRow
{
    public required string? GatewayId { get; init; }

    public required string? Country { get; init; }

    public required ReportFigures Figures { get; init; }
}
