using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;
using Softswitch.Interop.Tests.Baresip;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Media.Webhooks;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// Calls to registered phones (a SIPp trunk calling a phone's number), the offline redirect gateway, and the
/// phone.online / phone.offline webhooks from real REGISTER, un-REGISTER and expiry, with WireMock as the CRM.
/// </summary>
public sealed class PhoneTargetTests : SwitchCallTest
{
    private const string Number = "2001";
    private static readonly TimeSpan EventPatience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// baresip 1.0 (libre) gives up with ENOSYS when a challenge names an algorithm it lacks, so MD5 alone; a 2 s
    /// minimum registration so a test can watch one expire; and the CRM on loopback.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Sip:DigestAlgorithms"] = "MD5",
        ["Softswitch:Sip:RegisterMinExpiresSeconds"] = "2",
        ["Softswitch:Webhooks:AllowPrivateTargets"] = "true",
    };

    [Fact]
    public async Task Baresip_registers_and_receives_a_call_from_a_sipp_trunk()
    {
        var provisioned = await ProvisionAsync(new VendorTrunk(9));
        var phoneId = await PhoneAsync(provisioned, offlineRedirect: null);
        var domain = await TenantDomainAsync();

        await using (var phone = await BaresipPhone.StartAsync(Baresip(domain, autoAnswer: true)))
        {
            await phone.WaitForRegistrationAsync();
            var call = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Number });

            Assert.True(call.AllCallsSucceeded, call.ToString());
            await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
        }

        var cdr = await SingleCdrAsync();
        Assert.Equal(200, cdr["final_code"]!.GetValue<int>());
        var attempt = Assert.Single(cdr["attempts"]!.AsArray())!;
        Assert.Equal(phoneId, attempt["routing_gateway_id"]!.GetValue<string>());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task An_offline_phones_call_goes_to_its_redirect_gateway()
    {
        var voicemail = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(9));
        var redirect = await Tenant.Client.CreateAsync("/v1/routing-gateways", new
        {
            account_id = provisioned.CustomerAccountId, name = "voicemail", host = "127.0.0.1", port = voicemail.SipPort,
        });
        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].RoutingGateways.ContainsKey(redirect), TimeSpan.FromSeconds(5));
        await PhoneAsync(provisioned, offlineRedirect: redirect);

        var call = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Number });

        Assert.True(call.AllCallsSucceeded, call.ToString());
        Assert.True((await voicemail.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal(redirect, Assert.Single(cdr["attempts"]!.AsArray())!["routing_gateway_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Online_and_offline_events_arrive_from_register_unregister_and_expiry()
    {
        using var crm = new WebhookReceiver();
        var provisioned = await ProvisionAsync(new VendorTrunk(9));
        var phoneId = await PhoneAsync(provisioned, offlineRedirect: null);
        var domain = await TenantDomainAsync();
        await SubscribeAsync(crm);

        await using (var phone = await BaresipPhone.StartAsync(Baresip(domain, autoAnswer: false)))
        {
            await phone.WaitForRegistrationAsync();
            await UntilEventsAsync(crm, 1);
        }

        await UntilEventsAsync(crm, 2);

        // Longer than the writer's interval per phone, or the online and its expiry would coalesce into nothing.
        var registered = await CallAsync(Caller(SippScenario.UacRegisterExpires) with
        {
            Account = new SippAccount(Number, "phone-pass-1", domain), AuthUri = domain,
            Keywords = new Dictionary<string, string> { ["expires"] = "8" },
        });
        Assert.True(registered.AllCallsSucceeded, registered.ToString());
        var events = await UntilEventsAsync(crm, 4);

        Assert.Equal(
            [("phone.online", "registered"), ("phone.offline", "unregistered"), ("phone.online", "registered"), ("phone.offline", "expired")],
            events.Select(e => (e["type"]!.GetValue<string>(), e["data"]!["cause"]!.GetValue<string>())));
        Assert.All(events, e => Assert.Equal((Tenant.Id, phoneId), (e["tenant_id"]!.GetValue<string>(), e["data"]!["phone_id"]!.GetValue<string>())));
        Assert.Equal(4, events.Select(e => e["event_id"]!.GetValue<string>()).Distinct().Count());
    }

    private async Task<string> PhoneAsync(ProvisionedTenant provisioned, string? offlineRedirect)
    {
        var id = await Tenant.Client.CreateAsync("/v1/phones", new
        {
            account_id = provisioned.CustomerAccountId, username = Number, password = "phone-pass-1", number = Number,
            offline_redirect_gateway_id = offlineRedirect,
        });
        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].FindPhoneByNumber(Number) is not null, TimeSpan.FromSeconds(5));
        return id;
    }

    private async Task SubscribeAsync(WebhookReceiver crm)
    {
        await Tenant.Client.CreateAsync("/v1/webhook-endpoints", new
        {
            url = crm.Url(), event_types = new[] { WebhookEventTypes.PhoneOnline, WebhookEventTypes.PhoneOffline },
        });
        var endpoints = Host.Application.Services.GetRequiredService<WebhookEndpointTable>();
        for (var i = 0; i < 50 && endpoints.Subscribers(Tenant.Id, WebhookEventTypes.PhoneOffline).Count == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.NotEmpty(endpoints.Subscribers(Tenant.Id, WebhookEventTypes.PhoneOffline));
    }

    private static async Task<IReadOnlyList<JsonObject>> UntilEventsAsync(WebhookReceiver crm, int count)
    {
        var until = DateTime.UtcNow + EventPatience;
        while (crm.Bodies().Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        var bodies = crm.Bodies().OrderBy(b => b["timestamp"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.True(
            bodies.Count >= count,
            $"{bodies.Count} presence events within {EventPatience.TotalSeconds} s, not {count}: {string.Join(", ", bodies.Select(b => $"{b["type"]} ({b["data"]!["cause"]}) at {b["timestamp"]}"))}.");
        return bodies;
    }

    private BaresipPhoneOptions Baresip(string domain, bool autoAnswer) => new()
    {
        User = Number, Domain = domain, Password = "phone-pass-1", OutboundProxy = Host.SipEndPoint,
        RegistrationInterval = TimeSpan.FromMinutes(5), AutoAnswer = autoAnswer,
    };
}
