namespace Softswitch.Domain;

/// <summary>The event type names an endpoint subscribes to (Twilio's call status callbacks, as CRM developers know them).</summary>
public static class WebhookEventTypes
{
    public const string CallInitiated = "call.initiated";
    public const string CallRinging = "call.ringing";
    public const string CallAnswered = "call.answered";
    public const string CallCompleted = "call.completed";

    /// <summary>Refused by an admission rule after the switch knew whose call it was; carries <c>refusal_rule</c>.</summary>
    public const string CallRefused = "call.refused";

    /// <summary>A phone gained its first live registration.</summary>
    public const string PhoneOnline = "phone.online";

    /// <summary>A phone lost its last registration: un-REGISTER (<c>cause</c> unregistered) or expiry (<c>cause</c> expired).</summary>
    public const string PhoneOffline = "phone.offline";

    /// <summary>An alarm rule fired and was not suppressed (issue 9 §8); carries the alarm, its rule, subject, observed value and threshold.</summary>
    public const string AlarmFired = "alarm.fired";

    /// <summary>A ledger posting took an account's balance below its <c>low_balance_threshold</c>; carries the account's snapshot.</summary>
    public const string BalanceLow = "balance.low";

    /// <summary>Sent only by <c>POST /v1/webhook-endpoints/{id}/test</c>, whatever the endpoint subscribes to.</summary>
    public const string Test = "webhook.test";

    public static IReadOnlyList<string> Subscribable { get; } = [CallInitiated, CallRinging, CallAnswered, CallCompleted, CallRefused, PhoneOnline, PhoneOffline, AlarmFired, BalanceLow];

    public static bool IsSubscribable(string type) => Subscribable.Contains(type, StringComparer.Ordinal);
}
