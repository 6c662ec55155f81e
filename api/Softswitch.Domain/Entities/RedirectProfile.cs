namespace Softswitch.Domain;

/// <summary>
/// The 3xx redirect client's settings for a tenant (no <see cref="MappingGatewayId"/>) or for one customer trunk
/// (which then uses its own profile instead of the tenant's): the external routing servers asked before routing, in
/// order, and what the switch does with their answers.
/// </summary>
public class RedirectProfile : TenantEntity
{
    public const int MaxServers = 4;
    public const int ServerUriMaxLength = 300;
    public const int DefaultServerTimeoutMilliseconds = 1500;
    public const int MinTimeoutMilliseconds = 50;
    public const int MaxTimeoutMilliseconds = 10_000;
    public const int DefaultDeadlineMilliseconds = 3000;
    public const int MaxFilterEntries = 50;
    public const int FilterEntryMaxLength = 100;
    public const int MaxCarriedHeaders = 10;
    public const int HeaderNameMaxLength = 64;
    public const int DescriptionMaxLength = 200;

    /// <summary>The trunk this profile is for; null for the tenant's default.</summary>
    public string? MappingGatewayId { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Asked in order; each answer that is a timeout or 5xx moves on to the next.</summary>
    public List<RedirectServer> Servers { get; set; } = [];

    /// <summary>The whole query's budget, across servers; past it the failure mode applies.</summary>
    public int DeadlineMilliseconds { get; set; } = DefaultDeadlineMilliseconds;

    public RedirectFailureMode OnFailure { get; set; } = RedirectFailureMode.OwnRoutes;

    /// <summary>Contacts whose host (or host:port) is not listed are dropped; empty accepts every routing gateway's host.</summary>
    public List<string> AcceptHosts { get; set; } = [];

    public List<string> DenyHosts { get; set; } = [];

    /// <summary>Contacts whose user part starts with none of these are dropped; empty accepts every number.</summary>
    public List<string> AcceptPrefixes { get; set; } = [];

    public List<string> DenyPrefixes { get; set; } = [];

    /// <summary>Headers of the 3xx copied onto the vendor's INVITE: Identity, P-Asserted-Identity or X- names.</summary>
    public List<string> CarryHeaders { get; set; } = ["Identity", "P-Asserted-Identity"];

    public string? Description { get; set; }
}

/// <summary>One external routing server: a SIP URI (asked with an INVITE) or an HTTP(S) URL (asked with a JSON POST).</summary>
public class RedirectServer
{
    public string Uri { get; set; } = "";

    public int TimeoutMilliseconds { get; set; } = RedirectProfile.DefaultServerTimeoutMilliseconds;
}
