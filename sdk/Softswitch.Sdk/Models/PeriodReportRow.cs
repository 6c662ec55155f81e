namespace Softswitch.Sdk;

/// <summary>One UTC day or hour, by call setup.</summary>
public sealed class PeriodReportRow
{
    public required DateTimeOffset Start { get; init; }

    public required ReportFigures Figures { get; init; }
}
