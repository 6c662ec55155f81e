namespace Softswitch.Domain;

/// <summary>
/// The admission rules that act for a tenant, after the switch knows whose call it is: a tenant may set their SIP
/// answer or run them monitor-only. Rules before that point (protocol checks, platform capacity, banned sources) are
/// the platform's and answer the same for everyone.
/// </summary>
public static class RefusalRules
{
    public const string AccountAccessIp = "account-access-ip";
    public const string CallRate = "call-rate";
    public const string IngressCapacity = "ingress-capacity";
    public const string AccountCapacity = "account-capacity";
    public const string GeofenceSource = "geofence-source";
    public const string GeofenceSdp = "geofence-sdp";
    public const string DynamicBlacklist = "dynamic-blacklist";
    public const string NumberList = "number-list";
    public const string CallerLength = "caller-length";
    public const string CallerPrefix = "caller-prefix";
    public const string CalleePrefix = "callee-prefix";
    public const string NumberClass = "number-class";
    public const string AccountDestination = "account-destination";
    public const string NoRate = "no-rate";
    public const string AntiOverdraft = "anti-overdraft";

    public static IReadOnlySet<string> TenantRules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        AccountAccessIp,
        CallRate,
        IngressCapacity,
        AccountCapacity,
        GeofenceSource,
        GeofenceSdp,
        DynamicBlacklist,
        NumberList,
        CallerLength,
        CallerPrefix,
        CalleePrefix,
        NumberClass,
        AccountDestination,
        NoRate,
        AntiOverdraft,
    };

    /// <summary>
    /// The tenant rules that run before the dynamic blacklist: a call they refused never reached its counters, so a
    /// back-test over CDRs leaves it out as the switch did.
    /// </summary>
    public static IReadOnlyList<string> BeforeDynamicBlacklist { get; } = 
    [
        AccountAccessIp, GeofenceSource, GeofenceSdp, NumberList, CallerLength, CallerPrefix, CalleePrefix, NumberClass, AccountDestination,
    ];
}
