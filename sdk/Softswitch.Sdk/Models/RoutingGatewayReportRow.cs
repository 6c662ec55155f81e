namespace Softswitch.Sdk;

/// <summary>One routing gateway: attempts are every INVITE it got; the other figures those of the calls it took last.</summary>
public sealed class RoutingGatewayReportRow
{
    public required string RoutingGatewayId { get; init; }

    public required ReportFigures Figures { get; init; }
}
