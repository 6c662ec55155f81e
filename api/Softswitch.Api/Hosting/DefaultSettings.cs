using Microsoft.Extensions.Configuration.Memory;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Built-in defaults, added beneath every other configuration source so appsettings files, environment variables
/// and the command line override them. They live in code because `dotnet run` keeps the caller's working
/// directory as content root, where no appsettings.json is expected.
/// </summary>
public static class DefaultSettings
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:Hangfire"] = "Warning",
    };

    public static void AddSoftswitchDefaults(this ConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
}
