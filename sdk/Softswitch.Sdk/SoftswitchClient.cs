using Softswitch.Sdk.Http;
using Softswitch.Sdk.Services;

namespace Softswitch.Sdk;

/// <summary>
/// The Softswitch API: one service per resource (<c>client.Accounts.CreateAsync(…)</c>). Thread-safe; keep one per
/// key. Pass an HttpClient from IHttpClientFactory to manage connections yourself; otherwise the client owns one.
/// </summary>
public sealed class SoftswitchClient : IDisposable
{
    private readonly HttpClient? owned;

    public SoftswitchClient(SoftswitchClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (httpClient is null)
        {
            owned = httpClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        }

        var requester = new ApiRequester(httpClient, options);
        Accounts = new AccountService(requester);
        Phones = new PhoneService(requester);
        MappingGateways = new MappingGatewayService(requester);
        RoutingGateways = new RoutingGatewayService(requester);
        Routes = new RouteService(requester);
        RateTables = new RateTableService(requester);
        Rates = new RateService(requester);
        Cdrs = new CdrService(requester);
        ApiKeys = new ApiKeyService(requester);
        Tenants = new TenantService(requester);
        Reports = new ReportService(requester);
        DynamicBlacklist = new DynamicBlacklistService(requester);
        FraudRules = new FraudRuleService(requester);
        IpRangeSets = new IpRangeSetService(requester);
        IpRanges = new IpRangeService(requester);
        Geofences = new GeofenceService(requester);
        IpBans = new IpBanService(requester);
        ScannerDestinations = new ScannerDestinationService(requester);
        NumberGroups = new NumberGroupService(requester);
        NumberLists = new NumberListService(requester);
        NumberSettings = new NumberSettingsService(requester);
        RefusalPolicies = new RefusalPolicyService(requester);
        SecurityEvents = new SecurityEventService(requester);
        SignallingRules = new SignallingRuleService(requester);
        TrustedAddresses = new TrustedAddressService(requester);
        Transactions = new TransactionService(requester);
        AlarmRules = new AlarmRuleService(requester);
        Alarms = new AlarmService(requester);
        AlarmSettings = new AlarmSettingsService(requester);
        Reconciliations = new ReconciliationService(requester);
        Packages = new PackageService(requester);
        Subscriptions = new SubscriptionService(requester);
        CdrCorrections = new CdrCorrectionService(requester);
        WebhookEndpoints = new WebhookEndpointService(requester);
        WebhookDeliveries = new WebhookDeliveryService(requester);
        RedirectProfiles = new RedirectProfileService(requester);
    }

    public AccountService Accounts { get; }

    public PhoneService Phones { get; }

    public MappingGatewayService MappingGateways { get; }

    public RoutingGatewayService RoutingGateways { get; }

    public RouteService Routes { get; }

    public RateTableService RateTables { get; }

    public RateService Rates { get; }

    public CdrService Cdrs { get; }

    public ApiKeyService ApiKeys { get; }

    public TenantService Tenants { get; }

    public ReportService Reports { get; }

    public DynamicBlacklistService DynamicBlacklist { get; }

    public FraudRuleService FraudRules { get; }

    public IpRangeSetService IpRangeSets { get; }

    public IpRangeService IpRanges { get; }

    public GeofenceService Geofences { get; }

    public IpBanService IpBans { get; }

    public ScannerDestinationService ScannerDestinations { get; }

    public NumberGroupService NumberGroups { get; }

    public NumberListService NumberLists { get; }

    public NumberSettingsService NumberSettings { get; }

    public RefusalPolicyService RefusalPolicies { get; }

    public SecurityEventService SecurityEvents { get; }

    public SignallingRuleService SignallingRules { get; }

    public TrustedAddressService TrustedAddresses { get; }

    public TransactionService Transactions { get; }

    public AlarmRuleService AlarmRules { get; }

    public AlarmService Alarms { get; }

    public AlarmSettingsService AlarmSettings { get; }

    public ReconciliationService Reconciliations { get; }

    public PackageService Packages { get; }

    public SubscriptionService Subscriptions { get; }

    public CdrCorrectionService CdrCorrections { get; }

    public WebhookEndpointService WebhookEndpoints { get; }

    public WebhookDeliveryService WebhookDeliveries { get; }

    public RedirectProfileService RedirectProfiles { get; }

    public void Dispose() => owned?.Dispose();
}
