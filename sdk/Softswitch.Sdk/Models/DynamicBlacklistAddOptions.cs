namespace Softswitch.Sdk;

/// <summary>Blacklists a number or account by hand for <see cref="ExpireSeconds"/> (at most a year).</summary>
public sealed class DynamicBlacklistAddOptions
{
    public required BlacklistSubject Subject { get; init; }

    public required string Value { get; init; }

    public string? MappingGatewayId { get; init; }

    public required int ExpireSeconds { get; init; }

    public string? Note { get; init; }
}
