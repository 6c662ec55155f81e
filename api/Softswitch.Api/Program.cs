using Softswitch.Api.Hosting;
using Softswitch.Api.OpenApi;

await using var app = SoftswitchApplication.Build(args);
if (OpenApiExport.TryGetTarget(args, out var openApiPath))
{
    await OpenApiExport.WriteAsync(app, openApiPath);
    return;
}

await app.RunAsync();

/// <summary>Entry point, named so WebApplicationFactory can find it.</summary>
public partial class Program;
