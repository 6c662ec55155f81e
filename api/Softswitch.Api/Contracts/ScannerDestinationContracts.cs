using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// A number banned scanners dialled (the scanner honeypot, platform-wide). <c>last_source</c>, the address of the last
/// scanner, is shown to the platform admin only; a tenant key gets null.
/// </summary>
public sealed record ScannerDestinationResponse(
    string Number, DateTime FirstDialledAt, DateTime LastDialledAt, long Dials, string? LastSource);

public static class ScannerDestinationMapping
{
    public static ScannerDestinationResponse AsResponse(this ScannerDestination d, bool withSource) =>
        new(d.Number, d.FirstDialledAt, d.LastDialledAt, d.Dials, withSource ? d.LastSource : null);
}
