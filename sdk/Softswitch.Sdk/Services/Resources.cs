using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/accounts</c>: customers and vendors.</summary>
public class AccountService : CrudService<Account, AccountCreateOptions, AccountUpdateOptions, AccountListOptions>
{
    internal AccountService(ApiRequester requester) : base(requester, "v1/accounts") { }
}

/// <summary><c>/v1/phones</c>: registering SIP user agents.</summary>
public class PhoneService : CrudService<Phone, PhoneOptions, PhoneOptions, PhoneListOptions>
{
    internal PhoneService(ApiRequester requester) : base(requester, "v1/phones") { }
}

/// <summary><c>/v1/mapping-gateways</c>: customer ingress.</summary>
public class MappingGatewayService : CrudService<MappingGateway, MappingGatewayOptions, MappingGatewayOptions, GatewayListOptions>
{
    internal MappingGatewayService(ApiRequester requester) : base(requester, "v1/mapping-gateways") { }
}

/// <summary><c>/v1/routing-gateways</c>: vendor egress.</summary>
public class RoutingGatewayService : CrudService<RoutingGateway, RoutingGatewayOptions, RoutingGatewayOptions, GatewayListOptions>
{
    internal RoutingGatewayService(ApiRequester requester) : base(requester, "v1/routing-gateways") { }
}

/// <summary><c>/v1/routes</c>: callee prefixes to routing gateways.</summary>
public class RouteService : CrudService<Route, RouteOptions, RouteOptions, RouteListOptions>
{
    internal RouteService(ApiRequester requester) : base(requester, "v1/routes") { }
}

/// <summary><c>/v1/rate-tables</c>: price lists; their rates are <see cref="RateService"/>.</summary>
public class RateTableService : CrudService<RateTable, RateTableCreateOptions, RateTableUpdateOptions, RateTableListOptions>
{
    internal RateTableService(ApiRequester requester) : base(requester, "v1/rate-tables") { }
}

/// <summary><c>/v1/tenants</c>: the platform admin's tenants (a tenant key sees and reads only its own).</summary>
public class TenantService : CrudService<Tenant, TenantOptions, TenantOptions, TenantListOptions>
{
    internal TenantService(ApiRequester requester) : base(requester, "v1/tenants") { }
}
