using Softswitch.Sdk.Http;

namespace Softswitch.Sdk;

/// <summary>Dynamic-blacklist entries by value, subject, rule, mapping gateway, and whether they are in force now.</summary>
public sealed class DynamicBlacklistListOptions : ListOptions
{
    public string? Value { get; init; }

    public BlacklistSubject? Subject { get; init; }

    public string? RuleId { get; init; }

    public string? MappingGatewayId { get; init; }

    /// <summary>True: entries neither released nor expired; false: only those released or expired.</summary>
    public bool? Active { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("value", Value), new("subject", QueryString.Name(Subject)), new("rule_id", RuleId),
        new("mapping_gateway_id", MappingGatewayId), new("active", QueryString.Flag(Active)),
    ];
}

/// <summary>Dynamic-blacklist events by kind, value, rule and time (<c>from</c> inclusive, <c>to</c> exclusive).</summary>
public sealed class DynamicBlacklistEventListOptions : ListOptions
{
    public BlacklistEventKind? Kind { get; init; }

    public string? Value { get; init; }

    public string? RuleId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("kind", QueryString.Name(Kind)), new("value", Value), new("rule_id", RuleId),
        new("from", QueryString.Time(From)), new("to", QueryString.Time(To)),
    ];
}

/// <summary>Bans in force by address or rule.</summary>
public sealed class IpBanListOptions : ListOptions
{
    public string? Address { get; init; }

    public string? Rule { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("address", Address), new("rule", Rule)];
}

/// <summary>Number lists of one kind (black or white).</summary>
public sealed class NumberListListOptions : ListOptions
{
    public NumberListKind? Kind { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("kind", QueryString.Name(Kind))];
}

/// <summary>A number list's numbers, in ascending order, optionally those starting with some digits.</summary>
public sealed class ListedNumberListOptions : ListOptions
{
    public string? StartsWith { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("starts_with", StartsWith)];
}

/// <summary>
/// Security events by rule, action, source address, number (caller or callee), mapping gateway and time
/// (<c>from</c> inclusive, <c>to</c> exclusive).
/// </summary>
public sealed class SecurityEventListOptions : ListOptions
{
    public string? Rule { get; init; }

    public SecurityAction? Action { get; init; }

    public string? Address { get; init; }

    public string? Number { get; init; }

    public string? MappingGatewayId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("rule", Rule), new("action", QueryString.Name(Action)), new("address", Address), new("number", Number),
        new("gateway", MappingGatewayId), new("from", QueryString.Time(From)), new("to", QueryString.Time(To)),
    ];
}

/// <summary>The numbers banned scanners dialled, optionally one number.</summary>
public sealed class ScannerDestinationListOptions : ListOptions
{
    public string? Number { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("number", Number)];
}
