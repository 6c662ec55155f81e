using Microsoft.OpenApi;

namespace Softswitch.Api.OpenApi;

/// <summary>Swagger UI at <c>/swagger</c> with an Authorize button for the API key.</summary>
public static class SwaggerSetup
{
    public const string DocumentName = "v1";
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddSoftswitchSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Softswitch API",
                Version = "v1",
                Description = "Multi-tenant carrier softswitch control plane. Authenticate with 'Authorization: Bearer <api key>'. "
                    + "The platform admin key acts on a tenant's resources by naming it in the 'Softswitch-Tenant' header.",
            });
            o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "API key",
                Description = "An API key such as ssk_live_xxxxxxxx.yyyy…",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
            o.SupportNonNullableReferenceTypes();
            o.UseAllOfToExtendReferenceSchemas();
            o.DocumentFilter<RequiredMembersDocumentFilter>();
            o.OperationFilter<TenantHeaderOperationFilter>();
            o.OperationFilter<IdempotencyHeaderOperationFilter>();
            o.OperationFilter<ResponseOrderOperationFilter>();
        });
        return services;
    }

    public static WebApplication UseSoftswitchSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Softswitch API v1");
            o.EnablePersistAuthorization();
        });
        return app;
    }
}
