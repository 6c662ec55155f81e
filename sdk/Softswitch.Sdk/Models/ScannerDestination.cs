namespace Softswitch.Sdk;

/// <summary>
/// A number banned scanners dialled (the scanner honeypot, platform-wide). <see cref="LastSource"/>, the last scanner's
/// address, is shown to the platform admin only.
/// </summary>
public sealed class ScannerDestination
{
    public required string Number { get; init; }

    public required DateTimeOffset FirstDialledAt { get; init; }

    public required DateTimeOffset LastDialledAt { get; init; }

    public required long Dials { get; init; }

    public required string? LastSource { get; init; }
}
