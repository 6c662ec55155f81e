namespace Softswitch.Sdk;

/// <summary>Subscribes an account to a package from <see cref="StartsAt"/> (default now); the first month's rent is charged at once.</summary>
public sealed class SubscriptionOptions
{
    public required string PackageId { get; init; }

    public DateTimeOffset? StartsAt { get; init; }
}
