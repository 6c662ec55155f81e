using System.Reflection;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>
/// issue 10 §4: the document declares <c>required</c> and nullability truthfully. Responses carry every member;
/// requests declare what the validators refuse when absent, checked by sending <c>{}</c> to every operation.
/// </summary>
public sealed class OpenApiRequiredTests
{
    // RFC 9457 makes every problem member optional; the shared DTOs and these requests have no member the validators demand in every case.
    private static readonly HashSet<string> WithoutRequired =
    [
        "ProblemDetails", "HttpValidationProblemDetails", "NumberRuleDto", "NumberScreeningDto", "RewriteRuleDto",
        "NumberSettingsRequest", "IpRangeRequest", "AlarmSettingsRequest",
    ];

    [Fact]
    public void Every_object_schema_in_the_checked_in_document_declares_required()
    {
        var schemas = CheckedInDocument()["components"]!["schemas"]!.AsObject();
        var missing = new List<string>();
        foreach (var (name, schema) in schemas)
        {
            var properties = schema!["properties"]?.AsObject();
            if (properties is null || properties.Count == 0 || WithoutRequired.Contains(name))
            {
                continue;
            }

            var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            if (required.Count == 0)
            {
                missing.Add(name);
            }
            else if (!name.EndsWith("Request", StringComparison.Ordinal) && !required.SetEquals(properties.Select(p => p.Key)))
            {
                missing.Add($"{name} (a response: every member is written, so every member is required)");
            }
        }

        Assert.True(missing.Count == 0, "Schemas without a truthful 'required': " + string.Join(", ", missing));
    }

    [Fact]
    public void A_response_member_is_nullable_exactly_when_its_CSharp_type_is()
    {
        var account = CheckedInDocument()["components"]!["schemas"]!["AccountResponse"]!["properties"]!;

        Assert.Null(account["name"]!["nullable"]);
        Assert.Null(account["balance"]!["nullable"]);
        Assert.True(account["notes"]!["nullable"]!.GetValue<bool>());
        Assert.True(account["max_concurrent_calls"]!["nullable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Required_request_members_are_exactly_what_the_validators_refuse_when_absent()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("Required");
        var ids = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        using var platform = app.ClientWithKey(TestApplication.PlatformKey, tenant.Id);
        var document = JsonNode.Parse(await platform.GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!;
        var mismatches = new List<string>();
        var checkedOperations = 0;

        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var body = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                var reference = (body?["$ref"] ?? body?["allOf"]?[0]?["$ref"])?.GetValue<string>();
                if (reference is null)
                {
                    continue;
                }

                var schemaName = reference.Split('/')[^1];
                var schema = schemas[schemaName]!;
                var path = Substitute(template, ids);
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path) { Content = ApiJson.Raw("{}") };
                using var response = await platform.SendAsync(request);
                var refused = await RefusedMembersAsync(response);
                var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
                var name = $"{method.ToUpperInvariant()} {template} ({schemaName})";
                checkedOperations++;

                foreach (var member in required.Where(m => !refused.Contains(m)))
                {
                    mismatches.Add($"{name}: '{member}' is declared required but an empty body is not refused for it");
                }

                foreach (var member in refused.Where(m => !required.Contains(m)))
                {
                    var description = schema["properties"]?[member]?["description"]?.GetValue<string>() ?? "";
                    if (!description.Contains("Required", StringComparison.Ordinal))
                    {
                        mismatches.Add($"{name}: an empty body is refused for '{member}', which is neither required nor described as conditionally required");
                    }
                }

                foreach (var member in required.Where(m => schema["properties"]?[m]?["nullable"] is not null))
                {
                    mismatches.Add($"{name}: required '{member}' is declared nullable although null is refused");
                }
            }
        }

        Assert.True(checkedOperations >= 30, $"only {checkedOperations} operations with a JSON body were found");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static async Task<HashSet<string>> RefusedMembersAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return [];
        }

        var body = await response.ReadObjectAsync();
        Assert.True(body["errors"] is JsonObject, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode} without field errors: {body}");
        return body["errors"]!.AsObject().Select(e => e.Key).Where(k => !k.Contains('[', StringComparison.Ordinal) && !k.Contains('.', StringComparison.Ordinal)).ToHashSet();
    }

    private static string Substitute(string template, TenantResources ids)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i] switch
            {
                "{tenantId}" => ids.TenantId,
                "{rateId}" => ids.RateId,
                "{accountId}" => ids.ClientAccountId,
                "{cdrId}" => ids.CdrId,
                "{rule}" => Softswitch.Domain.RefusalRules.TenantRules.Order(StringComparer.Ordinal).First(),
                "{id}" => segments[i - 1] switch
                {
                    "accounts" => ids.ClientAccountId,
                    "alarm-rules" => ids.AlarmRuleId,
                    "fraud-rules" => ids.FraudRuleId,
                    "ip-range-sets" => ids.IpRangeSetId,
                    "geofences" => ids.GeofenceId,
                    "mapping-gateways" => ids.MappingGatewayId,
                    "number-groups" => ids.NumberGroupId,
                    "number-lists" => ids.NumberListId,
                    "phones" => ids.PhoneId,
                    "rate-tables" => ids.RateTableId,
                    "routes" => ids.RouteId,
                    "routing-gateways" => ids.RoutingGatewayId,
                    "tenants" => ids.TenantId,
                    "webhook-endpoints" => ids.WebhookEndpointId,
                    "webhook-deliveries" => ids.WebhookDeliveryId,
                    "redirect-profiles" => ids.RedirectProfileId,
                    var other => throw new InvalidOperationException($"{template}: name the fixture id for '{other}' here."),
                },
                var literal when literal.StartsWith('{') => throw new InvalidOperationException($"{template}: name a value for {literal} here."),
                var literal => literal,
            };
        }

        return string.Join('/', segments);
    }

    private static JsonNode CheckedInDocument()
    {
        var root = typeof(OpenApiRequiredTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return JsonNode.Parse(File.ReadAllText(Path.Combine(root, "openapi", "softswitch.v1.json")))!;
    }
}
