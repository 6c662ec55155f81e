using System.Globalization;
using System.Text;
using System.Text.Json;
using Softswitch.Domain;

namespace Softswitch.Worker.Alarms;

/// <summary>How an alarm reads to a person: its kind's API name, an e-mail subject line and a plain-text body.</summary>
public static class AlarmText
{
    public static string KindName(AlarmKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static string Subject(Alarm alarm, string ruleName) => string.Create(
        CultureInfo.InvariantCulture,
        $"[Softswitch alarm] {ruleName}: {KindName(alarm.Kind)} on {alarm.SubjectType} {alarm.SubjectId} ({alarm.Observed:0.##} against {alarm.Threshold:0.##})");

    public static string Body(Alarm alarm, string ruleName)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rule:      {ruleName} ({alarm.RuleId})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Kind:      {KindName(alarm.Kind)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Subject:   {alarm.SubjectType} {alarm.SubjectId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Observed:  {alarm.Observed:0.######}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Threshold: {alarm.Threshold:0.######}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Window:    {alarm.WindowKey}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Fired at:  {alarm.FiredAt:yyyy-MM-ddTHH:mm:ssZ}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Evidence:  {alarm.Evidence}");
        if (alarm.CdrIds.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"CDRs:      {string.Join(", ", alarm.CdrIds)}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Acknowledge: POST /v1/alarms/{alarm.Id}/acknowledge");
        return text.ToString();
    }
}
