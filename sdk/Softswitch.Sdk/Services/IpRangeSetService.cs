using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/ip-range-sets</c>: named sets of IP ranges for geofences; their ranges are <see cref="IpRangeService"/>.</summary>
public class IpRangeSetService : CrudService<IpRangeSet, IpRangeSetOptions, IpRangeSetOptions, ListOptions>
{
    internal IpRangeSetService(ApiRequester requester) : base(requester, "v1/ip-range-sets") { }
}
