using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>
/// The SDK's hand-written models against the committed OpenAPI document: every member of each schema exists in the
/// model with the same JSON name and type, a member the schema requires is a C# <c>required</c> member (and only
/// those), and nullability agrees. A changed contract fails here until the SDK follows.
/// </summary>
public sealed class ModelDriftTests
{
    private static readonly Dictionary<Type, string> Schemas = new()
    {
        [typeof(Account)] = "AccountResponse",
        [typeof(AccountCreateOptions)] = "AccountCreateRequest",
        [typeof(AccountUpdateOptions)] = "AccountUpdateRequest",
        [typeof(Phone)] = "PhoneResponse",
        [typeof(PhoneOptions)] = "PhoneRequest",
        [typeof(MappingGateway)] = "MappingGatewayResponse",
        [typeof(MappingGatewayOptions)] = "MappingGatewayRequest",
        [typeof(RoutingGateway)] = "RoutingGatewayResponse",
        [typeof(RoutingGatewayOptions)] = "RoutingGatewayRequest",
        [typeof(Route)] = "RouteResponse",
        [typeof(RouteOptions)] = "RouteRequest",
        [typeof(RateTable)] = "RateTableResponse",
        [typeof(RateTableCreateOptions)] = "RateTableCreateRequest",
        [typeof(RateTableUpdateOptions)] = "RateTableUpdateRequest",
        [typeof(Rate)] = "RateResponse",
        [typeof(RateOptions)] = "RateRequest",
        [typeof(Cdr)] = "CdrResponse",
        [typeof(CdrAttempt)] = "CdrAttemptResponse",
        [typeof(ApiKey)] = "ApiKeyResponse",
        [typeof(CreatedApiKey)] = "ApiKeyCreatedResponse",
        [typeof(ApiKeyCreateOptions)] = "ApiKeyCreateRequest",
        [typeof(Tenant)] = "TenantResponse",
        [typeof(TenantOptions)] = "TenantRequest",
        [typeof(NumberRule)] = "NumberRuleDto",
        [typeof(NumberScreening)] = "NumberScreeningDto",
        [typeof(RewriteRule)] = "RewriteRuleDto",
        [typeof(BalanceHistory)] = "BalanceHistory",
        [typeof(BalanceHistoryRow)] = "BalanceHistoryRow",
        [typeof(GatewayHealth)] = "GatewayHealthDto",
        [typeof(DynamicBlacklistEntry)] = "DynamicBlacklistEntryResponse",
        [typeof(DynamicBlacklistAddOptions)] = "DynamicBlacklistAddRequest",
        [typeof(DynamicBlacklistEvent)] = "DynamicBlacklistEventResponse",
        [typeof(CounterResetOptions)] = "CounterResetRequest",
        [typeof(FraudRule)] = "FraudRuleResponse",
        [typeof(FraudRuleOptions)] = "FraudRuleRequest",
        [typeof(BacktestOptions)] = "BacktestRequest",
        [typeof(BacktestResult)] = "BacktestResponse",
        [typeof(BacktestFinding)] = "BacktestFinding",
        [typeof(IpRangeSet)] = "IpRangeSetResponse",
        [typeof(IpRangeSetOptions)] = "IpRangeSetRequest",
        [typeof(IpRange)] = "IpRangeResponse",
        [typeof(IpRangeOptions)] = "IpRangeRequest",
        [typeof(IpRangeImportResult)] = "IpRangeImportResponse",
        [typeof(RateDeckImportResult)] = "RateDeckImportResponse",
        [typeof(Geofence)] = "GeofenceResponse",
        [typeof(GeofenceOptions)] = "GeofenceRequest",
        [typeof(IpBan)] = "IpBanResponse",
        [typeof(ScannerDestination)] = "ScannerDestinationResponse",
        [typeof(NumberGroup)] = "NumberGroupResponse",
        [typeof(NumberGroupOptions)] = "NumberGroupRequest",
        [typeof(NumberList)] = "NumberListResponse",
        [typeof(NumberListOptions)] = "NumberListRequest",
        [typeof(ListedNumber)] = "ListedNumberResponse",
        [typeof(NumbersOptions)] = "NumbersRequest",
        [typeof(NumbersChange)] = "NumbersChangeResponse",
        [typeof(NumberSettings)] = "NumberSettingsResponse",
        [typeof(NumberSettingsOptions)] = "NumberSettingsRequest",
        [typeof(RefusalPolicy)] = "RefusalPolicyResponse",
        [typeof(RefusalPolicyOptions)] = "RefusalPolicyRequest",
        [typeof(SecurityEvent)] = "SecurityEventResponse",
        [typeof(SignallingRules)] = "SignallingRulesResponse",
        [typeof(SignallingRulesOptions)] = "SignallingRulesRequest",
        [typeof(TrustedAddress)] = "TrustedAddressResponse",
        [typeof(TrustedAddressOptions)] = "TrustedAddressRequest",
        [typeof(LedgerEntry)] = "LedgerEntryResponse",
        [typeof(LedgerEntryCreateOptions)] = "LedgerEntryCreateRequest",
        [typeof(AlarmRule)] = "AlarmRuleResponse",
        [typeof(AlarmRuleOptions)] = "AlarmRuleRequest",
        [typeof(WorkCalendar)] = "WorkCalendarResponse",
        [typeof(WorkCalendarOptions)] = "WorkCalendarRequest",
        [typeof(Alarm)] = "AlarmResponse",
        [typeof(AlarmSettings)] = "AlarmSettingsResponse",
        [typeof(AlarmSettingsOptions)] = "AlarmSettingsRequest",
        [typeof(Reconciliation)] = "ReconciliationResponse",
        [typeof(ReconciliationMismatch)] = "ReconciliationMismatchResponse",
        [typeof(Package)] = "PackageResponse",
        [typeof(PackageOptions)] = "PackageRequest",
        [typeof(Subscription)] = "SubscriptionResponse",
        [typeof(SubscriptionOptions)] = "SubscriptionRequest",
        [typeof(CdrCorrection)] = "CdrCorrectionResponse",
        [typeof(CdrCorrectionOptions)] = "CdrCorrectionRequest",
        [typeof(WebhookEndpoint)] = "WebhookEndpointResponse",
        [typeof(WebhookEndpointWithSecret)] = "WebhookEndpointSecretResponse",
        [typeof(WebhookEndpointOptions)] = "WebhookEndpointRequest",
        [typeof(WebhookDelivery)] = "WebhookDeliveryResponse",
        [typeof(WebhookRecoverOptions)] = "WebhookRecoverRequest",
        [typeof(WebhookRecovery)] = "WebhookRecoverResponse",
        [typeof(RedirectProfile)] = "RedirectProfileResponse",
        [typeof(RedirectProfileOptions)] = "RedirectProfileRequest",
        [typeof(RedirectServer)] = "RedirectServerResponse",
        [typeof(RedirectServerOptions)] = "RedirectServerRequest",
        [typeof(ReportFigures)] = "ReportFigures",
        [typeof(Report<MappingGatewayReportRow>)] = "MappingGatewayReportRowReport",
        [typeof(MappingGatewayReportRow)] = "MappingGatewayReportRow",
        [typeof(Report<RoutingGatewayReportRow>)] = "RoutingGatewayReportRowReport",
        [typeof(RoutingGatewayReportRow)] = "RoutingGatewayReportRow",
        [typeof(Report<FailureCodeReportRow>)] = "FailureCodeReportRowReport",
        [typeof(FailureCodeReportRow)] = "FailureCodeReportRow",
        [typeof(Report<RefusalRuleReportRow>)] = "RefusalRuleReportRowReport",
        [typeof(RefusalRuleReportRow)] = "RefusalRuleReportRow",
        [typeof(Report<PeriodReportRow>)] = "PeriodReportRowReport",
        [typeof(PeriodReportRow)] = "PeriodReportRow",
        [typeof(Report<DestinationReportRow>)] = "DestinationReportRowReport",
        [typeof(DestinationReportRow)] = "DestinationReportRow",
        [typeof(Report<GatewayAreaReportRow>)] = "GatewayAreaReportRowReport",
        [typeof(GatewayAreaReportRow)] = "GatewayAreaReportRow",
    };

    private static readonly JsonObject Components = ApiDocument.Schemas;

    public static TheoryData<string> Models() => [.. Schemas.Keys.Select(Name)];

    [Fact]
    public void Every_public_model_of_the_SDK_is_checked()
    {
        var models = typeof(SoftswitchClient).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Softswitch.Sdk" && t.IsClass && t.IsSealed && !t.IsAbstract
                && t.GetProperties().Length > 0 && !typeof(Exception).IsAssignableFrom(t) && !typeof(ListOptions).IsAssignableFrom(t)
                && !QueryOptionDriftTests.Registry.ContainsKey(t)
                && t != typeof(SoftswitchClient) && t != typeof(SoftswitchClientOptions) && t != typeof(RequestOptions) && t != typeof(ApiProblem)
                && !t.IsGenericType);

        Assert.Empty(models.Where(t => !Schemas.ContainsKey(t)).Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Model_matches_its_schema(string model)
    {
        var type = Schemas.Keys.Single(t => Name(t) == model);
        var schema = Components[Schemas[type]]!;
        var properties = schema["properties"]!.AsObject();
        var required = schema["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        var members = type.GetProperties().ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));
        var nullability = new NullabilityInfoContext();
        var problems = new List<string>();

        problems.AddRange(properties.Select(p => p.Key).Where(name => !members.ContainsKey(name)).Select(name => $"'{name}' is in the schema but not in the model"));
        foreach (var (name, member) in members)
        {
            if (properties[name] is not { } property)
            {
                problems.Add($"'{name}' is in the model but not in the schema");
                continue;
            }

            var expected = ApiDocument.Describe(property);
            var actual = Describe(member.PropertyType);
            if (expected != actual)
            {
                problems.Add($"'{name}': schema {expected}, model {actual}");
            }

            var isRequired = member.GetCustomAttribute<RequiredMemberAttribute>() is not null;
            if (isRequired != required.Contains(name))
            {
                problems.Add($"'{name}': required in the schema {required.Contains(name)}, in the model {isRequired}");
            }

            var schemaNullable = property["nullable"]?.GetValue<bool>() ?? false;
            var modelNullable = nullability.Create(member).ReadState == NullabilityState.Nullable;
            if (isRequired && schemaNullable != modelNullable)
            {
                problems.Add($"'{name}': nullable in the schema {schemaNullable}, in the model {modelNullable}");
            }
            else if (!isRequired && !modelNullable)
            {
                problems.Add($"'{name}': an optional member must be nullable in the model (null means 'not sent')");
            }
        }

        Assert.True(problems.Count == 0, $"{model} against {Schemas[type]}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_enum_has_the_schemas_values()
    {
        var enums = typeof(SoftswitchClient).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToList();

        Assert.NotEmpty(enums);
        foreach (var type in enums)
        {
            var expected = Components[type.Name]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
            Assert.Equal(expected, Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));
        }
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return $"array of {Describe(type.GetGenericArguments()[0])}";
        }

        if (type.IsEnum)
        {
            return "ref " + type.Name;
        }

        if (Schemas.TryGetValue(type, out var schema))
        {
            return "ref " + schema;
        }

        return type == typeof(string) ? "string"
            : type == typeof(int) ? "int32"
            : type == typeof(long) ? "int64"
            : type == typeof(decimal) ? "number"
            : type == typeof(bool) ? "boolean"
            : type == typeof(DateTimeOffset) ? "date-time"
            : "unsupported " + type.Name;
    }

    /// <summary>A closed generic model by its arguments (<c>Report&lt;PeriodReportRow&gt;</c>), as the theories name it.</summary>
    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}
