using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace Softswitch.Api.OpenApi;

/// <summary>
/// <c>dotnet run --project api/Softswitch.Api -- --export-openapi openapi/softswitch.v1.json</c> writes the served
/// OpenAPI document on an ephemeral loopback port, without touching the database or running jobs.
/// </summary>
public static class OpenApiExport
{
    private const string Flag = "--export-openapi";

    public static bool TryGetTarget(string[] args, out string path)
    {
        var index = Array.IndexOf(args, Flag);
        path = index >= 0 && index + 1 < args.Length ? args[index + 1] : "";
        return index >= 0;
    }

    public static async Task WriteAsync(WebApplication app, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"{Flag} needs a file path.");
        }

        // Endpoints reach the API explorer only once the request pipeline is built, which happens at start.
        await app.StartAsync();
        await File.WriteAllTextAsync(path, Render(app.Services));
        await app.StopAsync();
        Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
    }

    public static string Render(IServiceProvider services)
    {
        var document = services.GetRequiredService<ISwaggerProvider>().GetSwagger(SwaggerSetup.DocumentName);
        using var writer = new StringWriter();
        document.SerializeAsV3(new OpenApiJsonWriter(writer));
        return writer.ToString().ReplaceLineEndings("\n") + "\n";
    }
}
