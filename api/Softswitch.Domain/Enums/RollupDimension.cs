namespace Softswitch.Domain;

/// <summary>
/// What one <see cref="CdrRollup"/> row is keyed by, besides its tenant and hour. Each CDR is folded into one row
/// of every dimension, so each report reads only the rows of its own dimension.
/// </summary>
public enum RollupDimension
{
    /// <summary>The tenant's totals: no key.</summary>
    Total,

    /// <summary>Key: the mapping gateway id ("" for phones); sub-key: the phone id ("" for trunks).</summary>
    MappingGateway,

    /// <summary>Key: the routing gateway id. Calls are counted on the gateway of the last attempt, attempts on every gateway tried.</summary>
    RoutingGateway,

    /// <summary>Key: the client account id ("" when the call was refused before one was known).</summary>
    Account,

    /// <summary>Key: the callee's country (ISO 3166-1 alpha-2, "" unknown); sub-key: its number type.</summary>
    Destination,

    /// <summary>Key: the final SIP status code.</summary>
    FinalCode,

    /// <summary>Key: the admission rule that refused the call (refused calls only).</summary>
    RefusalRule,

    /// <summary>Key: the routing gateway id; sub-key: the callee's country.</summary>
    RoutingGatewayArea,

    /// <summary>Key: the mapping gateway id ("" for phones); sub-key: the callee's country.</summary>
    MappingGatewayArea,

    /// <summary>
    /// <see cref="RoutingGatewayArea"/> per UTC day (the row's hour is the day's start). The cross tables have the most
    /// keys: a month of them in hours is too many rows to sum within a second, so whole days of a period are read here.
    /// </summary>
    RoutingGatewayAreaDaily,

    /// <summary><see cref="MappingGatewayArea"/> per UTC day, as <see cref="RoutingGatewayAreaDaily"/>.</summary>
    MappingGatewayAreaDaily,
}
