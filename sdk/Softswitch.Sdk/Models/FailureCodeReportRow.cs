namespace Softswitch.Sdk;

/// <summary>The calls that ended with one final SIP status of 300 or more.</summary>
public sealed class FailureCodeReportRow
{
    public required int FinalCode { get; init; }

    public required ReportFigures Figures { get; init; }
}
