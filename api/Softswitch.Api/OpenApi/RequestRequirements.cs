using Softswitch.Api.Contracts;

namespace Softswitch.Api.OpenApi;

/// <summary>
/// What each request's validator refuses when a member is absent, for the OpenAPI document: members demanded in
/// every case (<see cref="Always"/>), and members demanded only with certain other values (<see cref="Conditional"/>,
/// documented on the member). <c>RequestRequirementsTests</c> sends <c>{}</c> to every operation and checks both
/// against the validators' answers.
/// </summary>
public static class RequestRequirements
{
    public static readonly IReadOnlyDictionary<string, string[]> Always = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [nameof(AccountCreateRequest)] = ["name", "kind", "currency"],
        [nameof(AccountUpdateRequest)] = ["name", "credit_limit", "status"],
        [nameof(ApiKeyCreateRequest)] = ["name", "scopes"],
        [nameof(AlarmRuleRequest)] = ["name", "kind"],
        [nameof(BacktestRequest)] = ["from", "to"],
        [nameof(CdrCorrectionRequest)] = ["charge", "reason"],
        [nameof(CounterResetRequest)] = ["value"],
        [nameof(DynamicBlacklistAddRequest)] = ["subject", "value", "expire_seconds"],
        [nameof(FraudRuleRequest)] = ["name", "kind"],
        [nameof(GeofenceRequest)] = ["scope", "mode", "ip_range_set_id"],
        [nameof(IpRangeSetRequest)] = ["name"],
        [nameof(LedgerEntryCreateRequest)] = ["kind"],
        [nameof(MappingGatewayRequest)] = ["account_id", "name", "source_addresses"],
        [nameof(NumberGroupRequest)] = ["name", "prefixes"],
        [nameof(NumberListRequest)] = ["name", "kind", "match"],
        [nameof(NumbersRequest)] = ["numbers"],
        [nameof(PackageRequest)] = ["name", "currency"],
        [nameof(PhoneRequest)] = ["account_id", "username"],
        [nameof(RateRequest)] = ["prefix", "price_per_minute", "effective_from"],
        [nameof(RateTableCreateRequest)] = ["name", "currency"],
        [nameof(RateTableUpdateRequest)] = ["name"],
        [nameof(RedirectProfileRequest)] = ["servers"],
        [nameof(RedirectServerRequest)] = ["uri"],
        [nameof(RefusalPolicyRequest)] = ["mode"],
        [nameof(RouteRequest)] = ["name"],
        [nameof(RoutingGatewayRequest)] = ["account_id", "name", "host"],
        [nameof(SubscriptionRequest)] = ["package_id"],
        [nameof(SignallingRulesRequest)] =
        [
            "flood_requests", "flood_window_seconds", "ban_seconds", "max_ban_seconds", "repeat_offence_seconds", "scanner_patterns",
            "sweep_distinct_users", "sweep_window_seconds", "auth_failures_per_address", "auth_failure_window_seconds",
            "phone_auth_failures", "phone_auth_failure_window_seconds", "trusted_threshold_multiplier", "trusted_addresses", "monitor_rules",
        ],
        [nameof(TenantRequest)] = ["name", "sip_domain", "default_currency"],
        [nameof(TrustedAddressRequest)] = ["block"],
        [nameof(WebhookEndpointRequest)] = ["url", "event_types"],
        [nameof(WorkCalendarRequest)] = ["days", "start", "end"],
        [nameof(WebhookRecoverRequest)] = ["since"],
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Conditional =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            [nameof(AlarmRuleRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["threshold"] = "Required when kind is long_call, low_asr, traffic_spike or security_event_burst.",
                ["security_event_rule"] = "Required when kind is security_event_burst.",
                ["work_calendar"] = "Required when kind is outside_working_hours (and only then allowed).",
                ["routing_gateway_id"] = "Allowed only when kind is low_asr or gateway_down.",
            },
            [nameof(AlarmSettingsRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["smtp_host"] = "Required when email_enabled is true.",
                ["from"] = "Required when email_enabled is true.",
                ["recipients"] = "Required (at least one address) when email_enabled is true.",
            },
            [nameof(FraudRuleRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["blocking_level"] = "Required unless kind is scanner_destinations.",
                ["window_seconds"] = "Required unless kind is caller_concurrency or scanner_destinations.",
                ["expire_seconds"] = "Required when kind is scanner_destinations.",
            },
            [nameof(GeofenceRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["target_id"] = "Required unless scope is tenant (then it must be absent).",
            },
            [nameof(IpRangeRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["cidr"] = "Required unless start and count are given.",
            },
            [nameof(LedgerEntryCreateRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["amount"] = "Required with every kind: positive for top_up and refund, not zero for adjustment.",
            },
            [nameof(PhoneRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["password"] = "Required when creating a phone or changing its user name.",
            },
            [nameof(RouteRequest)] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["routing_gateway_ids"] = "Required (at least one id) unless phone_id is given (then it must be absent or empty).",
            },
        };
}
