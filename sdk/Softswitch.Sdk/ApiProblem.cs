namespace Softswitch.Sdk;

/// <summary>An RFC 9457 problem as the API writes it; every member is optional by the RFC.</summary>
public sealed class ApiProblem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }
}
