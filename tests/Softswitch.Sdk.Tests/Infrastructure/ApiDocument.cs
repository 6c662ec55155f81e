using System.Reflection;
using System.Text.Json.Nodes;

namespace Softswitch.Sdk.Tests.Infrastructure;

/// <summary>The committed OpenAPI document (<c>openapi/softswitch.v1.json</c>), which the SDK is checked against.</summary>
internal static class ApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static JsonNode Root { get; } = Load();

    public static JsonObject Schemas { get; } = Root["components"]!["schemas"]!.AsObject();

    /// <summary>Every operation under <c>/v1</c>; health checks and metrics are not the SDK's business.</summary>
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        .. Root["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/v1/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject()
                .Where(operation => Methods.Contains(operation.Key))
                .Select(operation => new ApiOperation(operation.Key.ToUpperInvariant(), path.Key, operation.Value!))),
    ];

    public static ApiOperation Operation(string operationId) => Operations.Single(o => o.Id == operationId);

    /// <summary>A schema in words the SDK's C# types can be compared with: <c>int32</c>, <c>date-time</c>, <c>ref Account</c>…</summary>
    public static string Describe(JsonNode schema)
    {
        var reference = (schema["$ref"] ?? schema["allOf"]?[0]?["$ref"])?.GetValue<string>();
        if (reference is not null)
        {
            return "ref " + reference.Split('/')[^1];
        }

        var type = schema["type"]!.GetValue<string>();
        return type switch
        {
            "array" => $"array of {Describe(schema["items"]!)}",
            "integer" => schema["format"]?.GetValue<string>() == "int64" ? "int64" : "int32",
            "string" when schema["format"]?.GetValue<string>() == "date-time" => "date-time",
            _ => type,
        };
    }

    private static JsonNode Load()
    {
        var root = typeof(ApiDocument).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return JsonNode.Parse(File.ReadAllText(Path.Combine(root, "openapi", "softswitch.v1.json")))!;
    }
}

/// <summary>One method at one path template of the document, e.g. <c>GET /v1/rate-tables/{id}/rates/lookup</c>.</summary>
internal sealed class ApiOperation
{
    private readonly string[] segments;

    public ApiOperation(string method, string path, JsonNode operation)
    {
        Method = method;
        Path = path;
        Id = operation["operationId"]!.GetValue<string>();
        segments = path.Split('/');
        QueryParameters = (operation["parameters"]?.AsArray() ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "query")
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => ApiDocument.Describe(p!["schema"]!));
        LiteralSegments = segments.Count(s => !IsTemplate(s));
    }

    public string Method { get; }

    public string Path { get; }

    public string Id { get; }

    /// <summary>Query parameter names (as sent on the wire) and their types.</summary>
    public IReadOnlyDictionary<string, string> QueryParameters { get; }

    /// <summary>How specific the template is: <c>/rates/lookup</c> beats <c>/rates/{rateId}</c> for <c>/rates/lookup</c>.</summary>
    public int LiteralSegments { get; }

    public bool Matches(string method, string path)
    {
        if (method != Method)
        {
            return false;
        }

        var parts = path.Split('/');
        return parts.Length == segments.Length
            && parts.Zip(segments).All(pair => IsTemplate(pair.Second) ? pair.First.Length > 0 : pair.First == pair.Second);
    }

    public override string ToString() => $"{Method} {Path} ({Id})";

    private static bool IsTemplate(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
