using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/signalling-rules</c> (platform admin key): the thresholds, windows, ban lengths, scanner patterns, trusted
/// blocks and monitor-only rules of the anti-fraud signalling layer, changed at run time.
/// </summary>
public class SignallingRuleService : Service
{
    private const string Path = "v1/signalling-rules";

    internal SignallingRuleService(ApiRequester requester) : base(requester) { }

    /// <summary>The rules in force: set through the API, or else the configured <c>Softswitch:Fraud</c> settings.</summary>
    public virtual Task<SignallingRules> GetAsync(RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<SignallingRules>(Path, request, cancellationToken);

    public virtual Task<SignallingRules> UpdateAsync(SignallingRulesOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPutAsync<SignallingRules>(Path, options, request, cancellationToken);

    /// <summary>Drops the rules set through the API: the configured settings are in force again.</summary>
    public virtual Task ResetAsync(RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Path, request, cancellationToken);
}
