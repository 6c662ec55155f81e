using System.Globalization;

namespace Softswitch.Sdk;

/// <summary>Accounts filtered by currency or name.</summary>
public sealed class AccountListOptions : ListOptions
{
    public string? Currency { get; init; }

    public string? Name { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("currency", Currency), new("name", Name)];
}

/// <summary>CDRs by setup time (<c>from</c> inclusive, <c>to</c> exclusive), gateway, number prefixes, final code or refusal rule.</summary>
public sealed class CdrListOptions : ListOptions
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? AccountId { get; init; }

    public string? MappingGatewayId { get; init; }

    public string? RoutingGatewayId { get; init; }

    public string? Caller { get; init; }

    public string? Callee { get; init; }

    public int? FinalCode { get; init; }

    public string? RefusalRule { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("from", From?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        new("to", To?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        new("account_id", AccountId), new("mapping_gateway_id", MappingGatewayId), new("routing_gateway_id", RoutingGatewayId),
        new("caller", Caller), new("callee", Callee), new("final_code", FinalCode?.ToString(CultureInfo.InvariantCulture)),
        new("refusal_rule", RefusalRule),
    ];
}
