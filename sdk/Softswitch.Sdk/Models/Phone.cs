namespace Softswitch.Sdk;

/// <summary>A SIP phone; its password is never returned.</summary>
public sealed class Phone
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Username { get; init; }

    public required string? DisplayName { get; init; }

    public required PhoneStatus Status { get; init; }

    public required int? MaxConcurrentCalls { get; init; }

    public required string SipDomain { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }

    /// <summary>The callee number that rings this phone's registered contacts.</summary>
    public required string? Number { get; init; }

    /// <summary>Where calls to the phone go while it is not registered; null answers them 480.</summary>
    public required string? OfflineRedirectGatewayId { get; init; }

    /// <summary>Whether a call rings the phone's registered contacts one after another or all at once.</summary>
    public required ForkMode ForkMode { get; init; }

    /// <summary>Calls to the phone at once (its line count); past it a call gets 486. Null is unlimited.</summary>
    public required int? MaxIncomingCalls { get; init; }
}
