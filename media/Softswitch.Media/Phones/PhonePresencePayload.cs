using System.Buffers;
using System.Text.Json;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Sip.Registrar;
using Softswitch.Switch.Config;

namespace Softswitch.Media.Phones;

/// <summary>
/// The body of <c>phone.online</c> / <c>phone.offline</c>, in the Standard Webhooks envelope the call events use:
/// the phone's ids, user name and number, its status and why it changed (registered, unregistered, expired).
/// Contact addresses are left out: they are the user's network location, not the CRM's business.
/// </summary>
public static class PhonePresencePayload
{
    private static readonly JsonWriterOptions Writer = new() { SkipValidation = true };

    public static CallEventPayload From(AorPresence change, PhoneEntry phone, string eventId)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var type = change.Online ? WebhookEventTypes.PhoneOnline : WebhookEventTypes.PhoneOffline;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("timestamp", change.At);
            json.WriteString("event_id", eventId);
            json.WriteString("tenant_id", phone.TenantId);
            json.WriteStartObject("data");
            json.WriteString("phone_id", phone.Id);
            json.WriteString("account_id", phone.AccountId);
            json.WriteString("username", phone.Username);
            if (phone.Number is { } number)
            {
                json.WriteString("number", number);
            }

            json.WriteString("status", change.Online ? "online" : "offline");
            json.WriteString("cause", JsonNamingPolicy.SnakeCaseLower.ConvertName(change.Cause.ToString()));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new CallEventPayload(eventId, type, phone.TenantId, null, change.At, buffer.WrittenSpan.ToArray());
    }
}
