using System.Buffers;
using System.Text.Json;
using Softswitch.Domain;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// The body of a call's webhook (Standard Webhooks' <c>{type, timestamp, data}</c>), shaped after Twilio's status
/// callbacks: <c>sequence_number</c> orders one call's events, <c>sip_response_code</c> is the caller's final answer.
/// <c>data</c> is the call as it stood at that event: a field set later (answer time at ringing, say) is absent.
/// Events that are not a call's (a phone's presence) travel in the same shape with no <see cref="CdrId"/>.
/// </summary>
public sealed record CallEventPayload(string EventId, string Type, string TenantId, string? CdrId, DateTimeOffset OccurredAt, byte[] Body)
{
    private static readonly JsonWriterOptions Writer = new() { SkipValidation = true };

    public static string TypeOf(CallEventKind kind) => kind switch
    {
        CallEventKind.Created => WebhookEventTypes.CallInitiated,
        CallEventKind.Ringing => WebhookEventTypes.CallRinging,
        CallEventKind.Answered => WebhookEventTypes.CallAnswered,
        CallEventKind.Ended => WebhookEventTypes.CallCompleted,
        CallEventKind.Refused => WebhookEventTypes.CallRefused,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a call event kind."),
    };

    public static CallEventPayload From(CallEvent callEvent)
    {
        ArgumentNullException.ThrowIfNull(callEvent);
        return From(callEvent.Kind, callEvent.Sequence, callEvent.Call);
    }

    public static CallEventPayload From(CallEventKind kind, long sequence, CallDetailRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var type = TypeOf(kind);
        var at = kind switch
        {
            CallEventKind.Created => call.SetupAt,
            CallEventKind.Ringing => call.RingingAt ?? call.SetupAt,
            CallEventKind.Answered => call.AnswerAt ?? call.SetupAt,
            _ => call.EndAt ?? call.SetupAt,
        };
        var id = WebhookEventIds.ForCall(call.Id, sequence);
        var buffer = new ArrayBufferWriter<byte>(1_024);
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("timestamp", at);
            json.WriteString("event_id", id);
            json.WriteString("tenant_id", call.TenantId);
            json.WriteStartObject("data");
            WriteCall(json, kind, sequence, call);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new CallEventPayload(id, type, call.TenantId, call.Id, at, buffer.WrittenSpan.ToArray());
    }

    private static void WriteCall(Utf8JsonWriter json, CallEventKind kind, long sequence, CallDetailRecord call)
    {
        var ended = kind is CallEventKind.Ended or CallEventKind.Refused;
        json.WriteNumber("sequence_number", sequence);
        json.WriteString("call_status", StatusOf(kind, call));
        json.WriteString("cdr_id", call.Id);
        json.WriteString("sip_call_id", call.CallId);
        Optional(json, "account_id", call.AccountId);
        Optional(json, "mapping_gateway_id", call.MappingGatewayId);
        Optional(json, "phone_id", call.PhoneId);
        Optional(json, "routing_gateway_id", call.Attempts.Count > 0 ? call.Attempts[^1].RoutingGatewayId : null);
        json.WriteString("caller", call.CallerReceived);
        json.WriteString("callee", call.CalleeReceived);
        Optional(json, "caller_sent", call.CallerSent);
        Optional(json, "callee_sent", call.CalleeSent);
        WriteMetadata(json, call);
        json.WriteStartArray("attempts");
        foreach (var attempt in call.Attempts)
        {
            json.WriteStartObject();
            json.WriteString("routing_gateway_id", attempt.RoutingGatewayId);
            json.WriteString("callee_sent", attempt.CalleeSent);
            json.WriteString("started_at", attempt.StartedAt);
            if (attempt.ResponseCode != 0)
            {
                json.WriteNumber("sip_response_code", attempt.ResponseCode);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("setup_at", call.SetupAt);
        if (kind != CallEventKind.Created && call.RingingAt is { } ringing)
        {
            json.WriteString("ringing_at", ringing);
        }

        if (kind is CallEventKind.Answered or CallEventKind.Ended && call.AnswerAt is { } answer)
        {
            json.WriteString("answer_at", answer);
        }

        if (!ended)
        {
            return;
        }

        if (call.EndAt is { } end)
        {
            json.WriteString("end_at", end);
        }

        json.WriteNumber("sip_response_code", call.FinalCode);
        json.WriteNumber("q850_cause", call.Q850Cause);
        json.WriteNumber("duration_seconds", (long)Math.Ceiling(call.Duration.TotalSeconds));
        if (call.Pdd is { } pdd)
        {
            json.WriteNumber("pdd_ms", (long)pdd.TotalMilliseconds);
        }

        json.WriteString("hangup_side", JsonNamingPolicy.SnakeCaseLower.ConvertName(call.HangupSide.ToString()));
        json.WriteBoolean("interrupted", call.Interrupted);
        Optional(json, "refusal_rule", call.RefusedBy);
        if (call.Charge is { } charge)
        {
            json.WriteNumber("charge", charge);
        }
    }

    private static void WriteMetadata(Utf8JsonWriter json, CallDetailRecord call)
    {
        if (call.Metadata is not { Count: > 0 } metadata)
        {
            return;
        }

        json.WriteStartObject("metadata");
        foreach (var (name, value) in metadata)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
    }

    // Twilio's CallStatus values, so a CRM's existing handler reads them.
    private static string StatusOf(CallEventKind kind, CallDetailRecord call) => kind switch
    {
        CallEventKind.Created => "initiated",
        CallEventKind.Ringing => "ringing",
        CallEventKind.Answered => "in-progress",
        CallEventKind.Refused => "failed",
        _ when call.AnswerAt is not null => "completed",
        _ => call.FinalCode switch { 486 or 600 => "busy", 408 or 480 or 487 => "no-answer", _ => "failed" },
    };

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
