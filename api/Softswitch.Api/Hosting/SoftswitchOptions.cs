using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Softswitch.Api.Hosting;

/// <summary>The <c>Softswitch</c> configuration section (environment: <c>Softswitch__Key</c>).</summary>
public sealed class SoftswitchOptions
{
    public const string Section = "Softswitch";

    /// <summary>Folder for the SQLite file and other local state; relative paths resolve against the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    /// <summary>A fixed platform admin key. When unset, one is generated at first run and printed once.</summary>
    public string? PlatformAdminKey { get; set; }

    /// <summary>Which parts run in this process: any of <c>api</c>, <c>worker</c>, <c>switch</c>.</summary>
    [Required]
    public string Roles { get; set; } = "api,worker,switch";

    /// <summary>Seed a demo tenant (with keys and sample gateways) when the database is created.</summary>
    public bool SeedDemo { get; set; } = true;

    public DatabaseOptions Database { get; set; } = new();

    [ValidateObjectMembers]
    public ApiRateLimitOptions RateLimit { get; set; } = new();

    [ValidateObjectMembers]
    public WorkerOptions Worker { get; set; } = new();

    [ValidateObjectMembers]
    public IngressOptions Ingress { get; set; } = new();

    [ValidateObjectMembers]
    public RateTableOptions RateTables { get; set; } = new();

    [ValidateObjectMembers]
    public GeofencingOptions Geofencing { get; set; } = new();
    public NumberListOptions NumberLists { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (embedded default) or <c>SqlServer</c> (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite it defaults to <c>{DataDir}/softswitch.db</c>.</summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Per-tenant token bucket for the REST API.</summary>
public sealed class ApiRateLimitOptions
{
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 500;

    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 1000;
}

public sealed class WorkerOptions
{
    [Range(1, 64)]
    public int HangfireWorkers { get; set; } = 4;
}

/// <summary>
/// How wide a source range a tenant may claim for a mapping gateway. A wider range (and always 0.0.0.0/0 or ::/0)
/// needs the platform admin key, because a claimed range keeps every other tenant out of it.
/// </summary>
public sealed class IngressOptions
{
    /// <summary>The shortest IPv4 prefix length a tenant key may claim (16: at most a /16, 65,536 addresses).</summary>
    [Range(1, 32)]
    public int WidestTenantIPv4Prefix { get; set; } = 16;

    /// <summary>The shortest IPv6 prefix length a tenant key may claim (48: one site's allocation, RFC 6177).</summary>
    [Range(1, 128)]
    public int WidestTenantIPv6Prefix { get; set; } = 48;
}

public sealed class RateTableOptions
{
    /// <summary>Rates one rate table may hold, counting every effective period; enforced on create and on import.</summary>
    [Range(1, 100_000_000)]
    public int MaxRatesPerTable { get; set; } = 1_000_000;
}

public sealed class GeofencingOptions
{
    /// <summary>Ranges one range set may hold; enforced on create and on import.</summary>
    [Range(1, 10_000_000)]
    public int MaxRangesPerSet { get; set; } = 250_000;

    /// <summary>Ranges all of a tenant's sets may hold together: the switch keeps every set a fence uses in memory.</summary>
    [Range(1, 100_000_000)]
    public int MaxRangesPerTenant { get; set; } = 1_000_000;

    /// <summary>The largest MaxMind-format (.mmdb) file an import accepts (GeoLite2-Country is about 10 MB).</summary>
    [Range(1024, 1L << 30)]
    public long MaxDatabaseBytes { get; set; } = 128L * 1024 * 1024;
}

public sealed class NumberListOptions
{
    /// <summary>
    /// Numbers one tenant's black/white lists may hold together (8 bytes each in the switch's memory); enforced on every
    /// change of a list's numbers.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxNumbersPerTenant { get; set; } = 2_000_000;
}
