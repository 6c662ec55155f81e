using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/alarm-rules</c>: what raises an alarm; the alarms themselves are <see cref="AlarmService"/>.</summary>
public class AlarmRuleService : CrudService<AlarmRule, AlarmRuleOptions, AlarmRuleOptions, ListOptions>
{
    internal AlarmRuleService(ApiRequester requester) : base(requester, "v1/alarm-rules") { }
}
