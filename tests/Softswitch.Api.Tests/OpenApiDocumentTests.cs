using System.Reflection;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

public sealed class OpenApiDocumentTests
{
    private const string Regenerate =
        "dotnet run --project api/Softswitch.Api -- --export-openapi openapi/softswitch.v1.json";

    [Fact]
    public async Task Served_document_matches_the_checked_in_file()
    {
        await using var app = new TestApplication();
        using var client = app.CreateClient();
        var served = Normalize(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var checkedIn = Normalize(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "openapi", "softswitch.v1.json")));

        Assert.True(served == checkedIn,
            $"openapi/softswitch.v1.json is out of date with the API. Regenerate it from the repository root with:\n  {Regenerate}");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_tag_and_typed_responses()
    {
        await using var app = new TestApplication();
        using var client = app.CreateClient();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{name} has no summary");
                Assert.NotEmpty(operation["tags"]!.AsArray());
                Assert.True(operation["responses"]!.AsObject().Count >= 2, $"{name} documents fewer than two responses");
            }
        }
    }

    private static string Normalize(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();

    private static string RepositoryRoot() =>
        typeof(OpenApiDocumentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
