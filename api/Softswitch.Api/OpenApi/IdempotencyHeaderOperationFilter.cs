using Microsoft.OpenApi;
using Softswitch.Api.Http;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Softswitch.Api.OpenApi;

/// <summary>Documents <c>Idempotency-Key</c> on every POST.</summary>
public sealed class IdempotencyHeaderOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A unique key (≤255 chars): a retry with the same key and body returns the first response; "
                + "the same key with another body gets 422, and while the first request is still running, 409. Kept for 24 h.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
        });
    }
}
