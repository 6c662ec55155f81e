using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/redirect-profiles</c>: the 3xx redirect client's routing servers, for the tenant or one trunk.</summary>
public class RedirectProfileService : CrudService<RedirectProfile, RedirectProfileOptions, RedirectProfileOptions, ListOptions>
{
    internal RedirectProfileService(ApiRequester requester) : base(requester, "v1/redirect-profiles") { }
}
