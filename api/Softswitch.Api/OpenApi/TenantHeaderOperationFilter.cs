using Microsoft.OpenApi;
using Softswitch.Api.Hosting;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Softswitch.Api.OpenApi;

/// <summary>Documents the optional <c>Softswitch-Tenant</c> header on tenant-scoped operations.</summary>
public sealed class TenantHeaderOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = context.ApiDescription.RelativePath ?? "";
        if (path.StartsWith("v1/tenants", StringComparison.Ordinal))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = RequestTenantContext.TenantHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Platform admin key only: the tenant id to act on. Tenant keys always act on their own tenant.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
