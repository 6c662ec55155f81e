namespace Softswitch.Switch.Config;

/// <summary>
/// A configuration row the switch could not use as stored, and what it did instead (left the row out, or ignored
/// one of its references). Rows like these predate a rule the API now enforces or were written around the API; one
/// of them must never stop every other tenant's configuration from being published.
/// </summary>
/// <param name="Table">The table the row is in (<c>tenants</c>, <c>phones</c>, <c>mapping_gateways</c>…).</param>
/// <param name="TenantId">The tenant owning the row (for a tenant row, the tenant itself).</param>
/// <param name="RowId">The row's id.</param>
/// <param name="Problem">What is wrong and what was done; never names another tenant.</param>
public sealed record ConfigRowProblem(string Table, string TenantId, string RowId, string Problem);
