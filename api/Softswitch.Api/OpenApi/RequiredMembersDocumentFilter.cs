using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Softswitch.Api.OpenApi;

/// <summary>
/// Declares <c>required</c> truthfully. Responses are written with every member, nulls included
/// (<c>JsonIgnoreCondition.Never</c>), so every property of a schema only responses use is required; whether it may be
/// null comes from the C# nullability Swashbuckle already reads. A schema that requests use holds what the
/// validators demand (<see cref="RequestRequirements"/>), and a demanded member is not nullable, since null is refused.
/// Framework problem types keep RFC 9457's optional members.
/// </summary>
public sealed class RequiredMembersDocumentFilter : IDocumentFilter
{
    private static readonly HashSet<string> ProblemSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var requestSchemas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in (swaggerDoc.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                CollectReferences(media.Schema, schemas, requestSchemas);
            }
        }

        foreach (var (id, candidate) in schemas)
        {
            if (candidate is not OpenApiSchema { Properties.Count: > 0 } schema || ProblemSchemas.Contains(id))
            {
                continue;
            }

            if (requestSchemas.Contains(id))
            {
                MarkRequired(schema, RequestRequirements.Always.GetValueOrDefault(id, []));
                DescribeConditions(schema, RequestRequirements.Conditional.GetValueOrDefault(id));
            }
            else
            {
                schema.Required = new SortedSet<string>(schema.Properties!.Keys, StringComparer.Ordinal);
            }
        }
    }

    private static void MarkRequired(OpenApiSchema schema, IReadOnlyCollection<string> members)
    {
        if (members.Count == 0)
        {
            return;
        }

        schema.Required = new SortedSet<string>(members, StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (!schema.Properties!.TryGetValue(member, out var property))
            {
                throw new InvalidOperationException($"{nameof(RequestRequirements)} names '{member}', which the schema does not have.");
            }

            if (property is OpenApiSchema { Type: { } type } concrete)
            {
                concrete.Type = type & ~JsonSchemaType.Null;
            }
        }
    }

    private static void DescribeConditions(OpenApiSchema schema, IReadOnlyDictionary<string, string>? conditions)
    {
        foreach (var (member, condition) in conditions ?? new Dictionary<string, string>())
        {
            if (schema.Properties!.TryGetValue(member, out var property) && property is OpenApiSchema concrete)
            {
                concrete.Description = string.IsNullOrEmpty(concrete.Description) ? condition : $"{concrete.Description} {condition}";
            }
        }
    }

    private static void CollectReferences(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> all, HashSet<string> found)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                var id = reference.Reference.Id;
                if (id is not null && found.Add(id) && all.TryGetValue(id, out var target))
                {
                    CollectReferences(target, all, found);
                }

                return;
        }

        foreach (var property in schema.Properties?.Values ?? [])
        {
            CollectReferences(property, all, found);
        }

        CollectReferences(schema.Items, all, found);
        CollectReferences(schema.AdditionalProperties, all, found);
        foreach (var part in (schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []))
        {
            CollectReferences(part, all, found);
        }
    }
}
