namespace Softswitch.Sdk;

/// <summary>Creates or replaces a phone. password is required on create, and on replace when username changes.</summary>
public sealed class PhoneOptions
{
    public required string AccountId { get; init; }

    public required string Username { get; init; }

    public string? Password { get; init; }

    public string? DisplayName { get; init; }

    public PhoneStatus? Status { get; init; }

    public int? MaxConcurrentCalls { get; init; }

    public string? Number { get; init; }

    public string? OfflineRedirectGatewayId { get; init; }

    public ForkMode? ForkMode { get; init; }

    public int? MaxIncomingCalls { get; init; }
}
