using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/fraud-rules</c>: the tenant's dynamic-blacklist rules, in force for new calls within 2 seconds, and
/// <c>/{id}/backtest</c>, which replays a rule over stored CDRs.
/// </summary>
public class FraudRuleService : CrudService<FraudRule, FraudRuleOptions, FraudRuleOptions, ListOptions>
{
    private const string Path = "v1/fraud-rules";

    internal FraudRuleService(ApiRequester requester) : base(requester, Path) { }

    /// <summary>What the rule would have refused over a range of stored CDRs (as blocking, even when it is monitor-only).</summary>
    public virtual Task<BacktestResult> BacktestAsync(
        string id, BacktestOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<BacktestResult>($"{Path}/{QueryString.Segment(id)}/backtest", options, request, cancellationToken);
}
