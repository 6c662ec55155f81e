namespace Softswitch.Sdk;

/// <summary>Allowed and forbidden destinations or callers.</summary>
public sealed class NumberRule
{
    public IReadOnlyList<string>? AllowedPrefixes { get; init; }

    public IReadOnlyList<string>? AllowedGroupIds { get; init; }

    public IReadOnlyList<string>? ForbiddenPrefixes { get; init; }

    public IReadOnlyList<string>? ForbiddenGroupIds { get; init; }

    public IReadOnlyList<NumberClass>? ForbiddenClasses { get; init; }

    public int? RefusalStatus { get; init; }
}
