using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/alarm-settings</c>: the tenant's alarm e-mail (SMTP server, sender, recipients), one per tenant.</summary>
public class AlarmSettingsService : Service
{
    private const string Path = "v1/alarm-settings";

    internal AlarmSettingsService(ApiRequester requester) : base(requester) { }

    public virtual Task<AlarmSettings> GetAsync(RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<AlarmSettings>(Path, request, cancellationToken);

    /// <summary>Replaces the settings (PUT): members left null take their defaults, except the password, which is kept.</summary>
    public virtual Task<AlarmSettings> UpdateAsync(AlarmSettingsOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPutAsync<AlarmSettings>(Path, options, request, cancellationToken);
}
