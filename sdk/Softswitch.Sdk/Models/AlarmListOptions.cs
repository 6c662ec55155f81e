using Softswitch.Sdk.Http;

namespace Softswitch.Sdk;

/// <summary>Alarms by state, kind, rule, subject and firing time (<c>from</c> inclusive, <c>to</c> exclusive).</summary>
public sealed class AlarmListOptions : ListOptions
{
    public AlarmState? State { get; init; }

    public AlarmKind? Kind { get; init; }

    public string? RuleId { get; init; }

    public string? SubjectId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("state", QueryString.Name(State)), new("kind", QueryString.Name(Kind)), new("rule_id", RuleId), new("subject_id", SubjectId),
        new("from", QueryString.Time(From)), new("to", QueryString.Time(To)),
    ];
}
