using System.ComponentModel.DataAnnotations;

namespace Softswitch.Domain.Fraud;

/// <summary>
/// <c>Softswitch:ScannerDestinations</c> (platform): how many honeypot numbers are kept and for how long, read by the
/// switch (what it honours) and by the worker (what its purge job deletes).
/// </summary>
public sealed class ScannerDestinationOptions
{
    public const string Section = "Softswitch:ScannerDestinations";

    /// <summary>A number no scanner dialled for this long is forgotten.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Numbers kept; when full, the one dialled longest ago makes room.</summary>
    [Range(100, 1_000_000)]
    public int MaxNumbers { get; set; } = 10_000;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
