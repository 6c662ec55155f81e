using Softswitch.Sdk.Http;

namespace Softswitch.Sdk;

/// <summary>Accounts by kind, status, currency, or name prefix.</summary>
public sealed class AccountListOptions : ListOptions
{
    public AccountKind? Kind { get; init; }

    public AccountStatus? Status { get; init; }

    public string? Currency { get; init; }

    /// <summary>Accounts whose name starts with this.</summary>
    public string? Name { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("kind", QueryString.Name(Kind)), new("status", QueryString.Name(Status)), new("currency", Currency), new("name", Name)];
}

/// <summary>Phones by account, status, or exact username.</summary>
public sealed class PhoneListOptions : ListOptions
{
    public string? AccountId { get; init; }

    public PhoneStatus? Status { get; init; }

    public string? Username { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("accountId", AccountId), new("status", QueryString.Name(Status)), new("username", Username)];
}

/// <summary>Mapping or routing gateways by account, status, or name prefix.</summary>
public sealed class GatewayListOptions : ListOptions
{
    public string? AccountId { get; init; }

    public GatewayStatus? Status { get; init; }

    /// <summary>Gateways whose name starts with this.</summary>
    public string? Name { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("accountId", AccountId), new("status", QueryString.Name(Status)), new("name", Name)];
}

/// <summary>Routes by exact prefix, by a routing gateway among their targets, by status, or by callee number group.</summary>
public sealed class RouteListOptions : ListOptions
{
    public string? Prefix { get; init; }

    public string? RoutingGatewayId { get; init; }

    public GatewayStatus? Status { get; init; }

    public string? CalleeGroupId { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("prefix", Prefix), new("routingGatewayId", RoutingGatewayId), new("status", QueryString.Name(Status)),
        new("callee_group_id", CalleeGroupId),
    ];
}

/// <summary>Rate tables by name prefix or currency.</summary>
public sealed class RateTableListOptions : ListOptions
{
    /// <summary>Rate tables whose name starts with this.</summary>
    public string? Name { get; init; }

    public string? Currency { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("name", Name), new("currency", Currency)];
}

/// <summary>A rate table's rates by exact prefix, by the digits their prefix starts with, or in effect at a time.</summary>
public sealed class RateListOptions : ListOptions
{
    public string? Prefix { get; init; }

    public string? PrefixStartsWith { get; init; }

    /// <summary>Rates with effective_from at or before this time and effective_to after it (or none).</summary>
    public DateTimeOffset? EffectiveAt { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("prefix", Prefix), new("prefix_starts_with", PrefixStartsWith), new("effective_at", QueryString.Time(EffectiveAt))];
}

/// <summary>Tenants by status or SIP domain (platform admin key; a tenant key sees only its own tenant).</summary>
public sealed class TenantListOptions : ListOptions
{
    public TenantStatus? Status { get; init; }

    public string? SipDomain { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("status", QueryString.Name(Status)), new("sip_domain", SipDomain)];
}

/// <summary>A tenant's API keys: true, only revoked ones; false, only those still valid.</summary>
public sealed class ApiKeyListOptions : ListOptions
{
    public bool? Revoked { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("revoked", QueryString.Flag(Revoked))];
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
        new("from", QueryString.Time(From)), new("to", QueryString.Time(To)),
        new("account_id", AccountId), new("mapping_gateway_id", MappingGatewayId), new("routing_gateway_id", RoutingGatewayId),
        new("caller", Caller), new("callee", Callee), new("final_code", QueryString.Number(FinalCode)), new("refusal_rule", RefusalRule),
    ];
}
