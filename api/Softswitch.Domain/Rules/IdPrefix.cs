namespace Softswitch.Domain;

/// <summary>The type prefixes of entity ids (<c>acc_…</c>, <c>phn_…</c>): an id says what it names.</summary>
public static class IdPrefix
{
    public const string Tenant = "ten";
    public const string ApiKey = "key";
    public const string Account = "acc";
    public const string Phone = "phn";
    public const string MappingGateway = "mgw";
    public const string RoutingGateway = "rgw";
    public const string Route = "rte";
    public const string RateTable = "rtt";
    public const string Rate = "rat";
    public const string IdempotencyRecord = "idem";
    public const string Cdr = "cdr";
    public const string IpBan = "ban";
    public const string SecurityEvent = "sev";
    public const string TrustedAddress = "tra";
    public const string SignallingRuleSettings = "sig";
    public const string IpRangeSet = "irs";
    public const string IpRange = "ipr";
    public const string Geofence = "gfn";
    public const string FraudRule = "frr";
    public const string DynamicBlacklistEntry = "dbl";
    public const string DynamicBlacklistEvent = "dbe";
    public const string NumberGroup = "ngr";
    public const string NumberList = "nbl";
    public const string NumberListContent = "nlc";
    public const string NumberSettings = "nst";
    public const string LedgerEntry = "led";
    public const string CdrCorrection = "cdc";
    public const string Reconciliation = "rec";
    public const string Package = "pkg";
    public const string Subscription = "sub";
    public const string PackageCharge = "pch";
    public const string PackageUsage = "pku";
    public const string WebhookEndpoint = "whe";
    public const string WebhookEvent = WebhookEventIds.Prefix;
    public const string WebhookDelivery = "whd";
    public const string CdrRollup = "rlp";
    public const string CdrRollupWatermark = "rwm";
    public const string RedirectProfile = "rdp";
    public const string AlarmRule = "alr";
    public const string Alarm = "alm";
    public const string AlarmSettings = "als";
    public const string AlarmCursor = "alc";
    public const string AccountCountry = "acn";

    public static string For(Entity entity) => entity switch
    {
        Domain.Tenant => Tenant,
        Domain.ApiKey => ApiKey,
        Domain.Account => Account,
        Domain.Phone => Phone,
        Domain.MappingGateway => MappingGateway,
        Domain.RoutingGateway => RoutingGateway,
        Domain.Route => Route,
        Domain.RateTable => RateTable,
        Domain.Rate => Rate,
        Domain.IdempotencyRecord => IdempotencyRecord,
        Domain.Cdr => Cdr,
        Domain.IpBan => IpBan,
        Domain.SecurityEvent => SecurityEvent,
        Domain.TrustedAddress => TrustedAddress,
        Domain.SignallingRuleSettings => SignallingRuleSettings,
        Domain.IpRangeSet => IpRangeSet,
        Domain.IpRange => IpRange,
        Domain.Geofence => Geofence,
        Domain.FraudRule => FraudRule,
        Domain.DynamicBlacklistEntry => DynamicBlacklistEntry,
        Domain.DynamicBlacklistEvent => DynamicBlacklistEvent,
        Domain.NumberGroup => NumberGroup,
        Domain.NumberList => NumberList,
        Domain.NumberListContent => NumberListContent,
        Domain.NumberSettings => NumberSettings,
        Domain.LedgerEntry => LedgerEntry,
        Domain.CdrCorrection => CdrCorrection,
        Domain.Reconciliation => Reconciliation,
        Domain.Package => Package,
        Domain.Subscription => Subscription,
        Domain.PackageCharge => PackageCharge,
        Domain.PackageUsage => PackageUsage,
        Domain.WebhookEndpoint => WebhookEndpoint,
        Domain.WebhookEvent => WebhookEvent,
        Domain.WebhookDelivery => WebhookDelivery,
        Domain.CdrRollup => CdrRollup,
        Domain.CdrRollupWatermark => CdrRollupWatermark,
        Domain.RedirectProfile => RedirectProfile,
        Domain.AlarmRule => AlarmRule,
        Domain.Alarm => Alarm,
        Domain.AlarmSettings => AlarmSettings,
        Domain.AlarmCursor => AlarmCursor,
        Domain.AccountCountry => AccountCountry,
        null => throw new ArgumentNullException(nameof(entity)),
        _ => throw new ArgumentException($"No id prefix is defined for {entity.GetType().Name}.", nameof(entity)),
    };
}
