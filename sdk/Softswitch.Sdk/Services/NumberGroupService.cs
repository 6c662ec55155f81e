using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/number-groups</c>: named sets of number prefixes, used by number rules and number lists.</summary>
public class NumberGroupService : CrudService<NumberGroup, NumberGroupOptions, NumberGroupOptions, ListOptions>
{
    internal NumberGroupService(ApiRequester requester) : base(requester, "v1/number-groups") { }
}
