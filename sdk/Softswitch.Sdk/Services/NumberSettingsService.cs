using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/number-settings</c>: the tenant's home country and high-risk prefixes, one settings object per tenant.</summary>
public class NumberSettingsService : Service
{
    private const string Path = "v1/number-settings";

    internal NumberSettingsService(ApiRequester requester) : base(requester) { }

    public virtual Task<NumberSettings> GetAsync(RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<NumberSettings>(Path, request, cancellationToken);

    /// <summary>Replaces the settings (PUT): a null home country clears it, null prefixes restore the built-in list.</summary>
    public virtual Task<NumberSettings> UpdateAsync(NumberSettingsOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPutAsync<NumberSettings>(Path, options, request, cancellationToken);
}
