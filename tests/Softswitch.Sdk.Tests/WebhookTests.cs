using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sdk.Webhooks;
using StandardWebhooks;

namespace Softswitch.Sdk.Tests;

/// <summary>Webhook.Verify against signatures made by StandardWebhooks 1.1.2, an independent implementation.</summary>
public sealed class WebhookTests
{
    private const string Payload = """{"type":"call.answered","data":{"call_id":"c-1","sequence":3}}""";
    private static readonly DateTimeOffset Sent = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private readonly string secret = NewSecret();
    private readonly FakeTimeProvider clock = new(Sent.AddSeconds(30));

    [Fact]
    public void A_delivery_signed_by_the_reference_library_verifies()
    {
        Webhook.Verify(Payload, Headers(new StandardWebhook(secret).Sign("msg_1", Sent, Payload)), [secret], clock);
    }

    [Fact]
    public void Our_signature_verifies_in_the_reference_library()
    {
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "msg_1",
            ["webhook-timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        headers["webhook-signature"] = Webhook.Sign(secret, "msg_1", DateTimeOffset.FromUnixTimeSeconds(long.Parse(headers["webhook-timestamp"]!, CultureInfo.InvariantCulture)), Payload);

        new StandardWebhook(secret).Verify(Payload, headers);
    }

    [Fact]
    public void During_a_rotation_either_secret_verifies_a_header_with_both_signatures()
    {
        var next = NewSecret();
        var both = $"{new StandardWebhook(secret).Sign("msg_1", Sent, Payload)} {new StandardWebhook(next).Sign("msg_1", Sent, Payload)}";

        Webhook.Verify(Payload, Headers(both), [secret], clock);
        Webhook.Verify(Payload, Headers(both), [next], clock);
        Webhook.Verify(Payload, Headers(new StandardWebhook(next).Sign("msg_1", Sent, Payload)), [secret, next], clock);
    }

    [Fact]
    public void A_changed_body_a_wrong_secret_or_a_missing_header_is_refused()
    {
        var signature = new StandardWebhook(secret).Sign("msg_1", Sent, Payload);

        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Payload.Replace("3", "4", StringComparison.Ordinal), Headers(signature), [secret], clock));
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Payload, Headers(signature), [NewSecret()], clock));
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Payload, Headers(signature).Where(h => !h.Key.Equals("webhook-id", StringComparison.OrdinalIgnoreCase)), [secret], clock));
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Payload, Headers("v2," + signature[3..]), [secret], clock));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_away_is_refused_either_way()
    {
        var signature = new StandardWebhook(secret).Sign("msg_1", Sent, Payload);

        clock.SetUtcNow(Sent.AddMinutes(5));
        Webhook.Verify(Payload, Headers(signature), [secret], clock);
        clock.SetUtcNow(Sent.AddMinutes(5).AddSeconds(1));
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Payload, Headers(signature), [secret], clock));
        var early = new FakeTimeProvider(Sent.AddMinutes(-5).AddSeconds(-1));
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Payload, Headers(signature), [secret], early));
    }

    private static Dictionary<string, string> Headers(string signature) => new()
    {
        ["Webhook-Id"] = "msg_1",
        ["webhook-timestamp"] = Sent.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["webhook-signature"] = signature,
    };

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
