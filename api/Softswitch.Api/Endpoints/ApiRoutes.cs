using Softswitch.Api.Auth;
using Softswitch.Api.Http;

namespace Softswitch.Api.Endpoints;

/// <summary>All <c>/v1</c> resources. Rate limiting and authentication are set once here, on the group.</summary>
public static class ApiRoutes
{
    public static WebApplication MapSoftswitchApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1")
            .RequireAuthorization(AuthRegistration.ReadPolicy)
            .RequireRateLimiting(RateLimiting.PerTenantPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesWriteProblems();

        v1.MapTenants();
        v1.MapApiKeys();
        v1.MapIpBans();
        v1.MapScannerDestinations();
        v1.MapSecurityEvents();
        v1.MapSignallingRules();

        // RequireTenantFilter answers 404 when the platform key names a tenant that does not exist.
        var tenantScoped = v1.MapGroup("").AddEndpointFilter<RequireTenantFilter>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tenantScoped.MapAccounts();
        tenantScoped.MapLedger();
        tenantScoped.MapPhones();
        tenantScoped.MapMappingGateways();
        tenantScoped.MapRoutingGateways();
        tenantScoped.MapRoutes();
        tenantScoped.MapRateTables();
        tenantScoped.MapRates();
        tenantScoped.MapCdrs();
        tenantScoped.MapCdrCorrections();
        tenantScoped.MapReconciliations();
        tenantScoped.MapPackages();
        tenantScoped.MapSubscriptions();
        tenantScoped.MapTrustedAddresses();
        tenantScoped.MapRedirectProfiles();
        tenantScoped.MapRefusalPolicies();
        tenantScoped.MapIpRangeSets();
        tenantScoped.MapIpRanges();
        tenantScoped.MapGeofences();
        tenantScoped.MapFraudRules();
        tenantScoped.MapDynamicBlacklist();
        tenantScoped.MapNumberGroups();
        tenantScoped.MapNumberLists();
        tenantScoped.MapNumberListNumbers();
        tenantScoped.MapNumberSettings();
        tenantScoped.MapWebhookEndpoints();
        tenantScoped.MapWebhookDeliveries();
        tenantScoped.MapReports();
        tenantScoped.MapBalanceHistory();
        tenantScoped.MapAlarmRules();
        tenantScoped.MapAlarms();
        tenantScoped.MapAlarmSettings();
        return app;
    }
}
