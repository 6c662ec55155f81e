using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Softswitch.Api.OpenApi;

/// <summary>
/// Lists each operation's responses by status code. They are declared in several places (the group, the typed
/// handler results, <c>WriteProblems</c>), whose order says nothing to a reader.
/// </summary>
public sealed class ResponseOrderOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is not { Count: > 1 } responses)
        {
            return;
        }

        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered)
        {
            responses.Add(status, response);
        }
    }
}
