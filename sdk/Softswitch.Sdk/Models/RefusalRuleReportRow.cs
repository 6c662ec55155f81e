namespace Softswitch.Sdk;

/// <summary>The calls one admission rule refused.</summary>
public sealed class RefusalRuleReportRow
{
    public required string RefusalRule { get; init; }

    public required ReportFigures Figures { get; init; }
}
