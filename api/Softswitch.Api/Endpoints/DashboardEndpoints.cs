using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/dashboard</c>: the read-only charts page (issue 9 §5), static files embedded in this assembly. The page holds no
/// data: it asks for an API key and calls <c>/v1/reports</c> with it, so these files need no authentication.
/// </summary>
public static class DashboardEndpoints
{
    // The page runs only its own scripts and talks only to this origin: an injected script could read the key.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (byte[] Body, string ContentType)> Files = Load();

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/dashboard", (HttpContext http) => Serve(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/dashboard/{file}", (HttpContext http, string file) => Serve(http, file)).ExcludeFromDescription();
        return app;
    }

    private static Results<FileContentHttpResult, NotFound> Serve(HttpContext http, string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(file.Body, file.ContentType);
    }

    private static FrozenDictionary<string, (byte[] Body, string ContentType)> Load()
    {
        const string prefix = "Dashboard/";
        var assembly = typeof(DashboardEndpoints).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[prefix.Length..], n => (Read(assembly, n), ContentType(n)), StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}
