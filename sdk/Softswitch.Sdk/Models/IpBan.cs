namespace Softswitch.Sdk;

/// <summary>A source address the switch stopped answering (platform admin), with the rule, the count that passed its threshold and the expiry.</summary>
public sealed class IpBan
{
    public required string Id { get; init; }

    public required string Address { get; init; }

    public required string Rule { get; init; }

    public required string? Evidence { get; init; }

    public required int Count { get; init; }

    public required int Threshold { get; init; }

    public required int WindowSeconds { get; init; }

    public required int Offence { get; init; }

    public required DateTimeOffset BannedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
