namespace Softswitch.Sdk;

/// <summary>One mapping gateway's calls, or one phone's (<see cref="MappingGatewayId"/> null).</summary>
public sealed class MappingGatewayReportRow
{
    public required string? MappingGatewayId { get; init; }

    public required string? PhoneId { get; init; }

    public required ReportFigures Figures { get; init; }
}
