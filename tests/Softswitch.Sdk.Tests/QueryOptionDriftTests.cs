using Softswitch.Sdk.Http;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>
/// The SDK's query-option classes against the parameters of their operations in the committed OpenAPI document. What
/// is compared is what goes on the wire: each member's parameter name is found by changing that member alone and
/// seeing which parameter of the query changes, so a camelCase wire name (<c>accountId</c>) or a renamed one
/// (<c>gateway</c>) is checked as sent.
/// </summary>
public sealed class QueryOptionDriftTests
{
    /// <summary>Options sent as query parameters, by the operations whose parameters they are.</summary>
    internal static readonly Dictionary<Type, string[]> Registry = new()
    {
        [typeof(AccountListOptions)] = ["ListAccounts"],
        [typeof(PhoneListOptions)] = ["ListPhones"],
        [typeof(GatewayListOptions)] = ["ListMappingGateways", "ListRoutingGateways"],
        [typeof(RouteListOptions)] = ["ListRoutes"],
        [typeof(RateTableListOptions)] = ["ListRateTables"],
        [typeof(RateListOptions)] = ["ListRates"],
        [typeof(TenantListOptions)] = ["ListTenants"],
        [typeof(ApiKeyListOptions)] = ["ListApiKeys"],
        [typeof(CdrListOptions)] = ["ListCdrs"],
        [typeof(LedgerEntryListOptions)] = ["ListAccountTransactions"],
        [typeof(AlarmListOptions)] = ["ListAlarms"],
        [typeof(WebhookDeliveryListOptions)] = ["ListWebhookDeliveries"],
        [typeof(DynamicBlacklistListOptions)] = ["ListDynamicBlacklist"],
        [typeof(DynamicBlacklistEventListOptions)] = ["ListDynamicBlacklistEvents"],
        [typeof(IpBanListOptions)] = ["ListIpBans"],
        [typeof(ScannerDestinationListOptions)] = ["ListScannerDestinations"],
        [typeof(NumberListListOptions)] = ["ListNumberLists"],
        [typeof(ListedNumberListOptions)] = ["ListNumberListNumbers"],
        [typeof(SecurityEventListOptions)] = ["ListSecurityEvents"],
        [typeof(ReconciliationCreateOptions)] = ["CreateReconciliation"],
    };

    public static TheoryData<string, string> Pairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var (type, operations) in Registry)
        {
            foreach (var operation in operations)
            {
                pairs.Add(type.Name, operation);
            }
        }

        return pairs;
    }

    [Fact]
    public void Every_list_option_class_is_checked()
    {
        var unregistered = typeof(SoftswitchClient).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(ListOptions)) && !Registry.ContainsKey(t))
            .Select(t => t.Name);

        Assert.Empty(unregistered);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Query_options_are_the_parameters_of_their_operation(string options, string operationId)
    {
        var type = Registry.Keys.Single(t => t.Name == options);
        var full = WireParameters(Placeholders.FullySet(type));
        var members = new Dictionary<string, string>();
        var problems = new List<string>();
        foreach (var member in Placeholders.Settable(type))
        {
            var changed = WireParameters(Placeholders.FullySet(type, member));
            var names = full.Keys.Union(changed.Keys)
                .Where(name => !full.TryGetValue(name, out var a) || !changed.TryGetValue(name, out var b) || a != b)
                .ToList();
            if (names.Count != 1)
            {
                problems.Add($"{member.Name} changes {names.Count} query parameters ({string.Join(", ", names)}), not one");
                continue;
            }

            var underlying = Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType;
            members[names[0]] = underlying.IsEnum ? "string" : Describe(underlying);
        }

        problems.AddRange(full.Keys.Except(members.Keys).Select(name => $"'{name}' is sent whatever the members say"));
        var parameters = ApiDocument.Operation(operationId).QueryParameters;

        Assert.True(problems.Count == 0, $"{options}:\n" + string.Join("\n", problems));
        Assert.Equal(parameters.OrderBy(p => p.Key), members.OrderBy(m => m.Key));
    }

    /// <summary>The query parameters the SDK sends for <paramref name="options"/>, by name.</summary>
    private static IReadOnlyDictionary<string, string> WireParameters(object options) => QueryParameters.Parse(options switch
    {
        ListOptions list => QueryString.Append("", list, list.Cursor),
        ReconciliationCreateOptions reconciliation => QueryString.Append("", reconciliation.Parameters()),
        _ => throw new NotSupportedException($"{options.GetType().Name} is not sent as query parameters."),
    });

    private static string Describe(Type type) =>
        type == typeof(string) ? "string"
        : type == typeof(int) ? "int32"
        : type == typeof(long) ? "int64"
        : type == typeof(decimal) ? "number"
        : type == typeof(bool) ? "boolean"
        : type == typeof(DateTimeOffset) ? "date-time"
        : "unsupported " + type.Name;
}
