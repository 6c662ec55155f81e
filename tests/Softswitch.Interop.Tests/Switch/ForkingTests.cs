using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Sip.Registrar;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// Calls from a SIPp trunk to a phone registered twice (two SIPp processes on different ports with the same address of
/// record, each answering its calls with an out-of-call scenario): parallel and sequential forking, a route that targets
/// the phone, and the phone's line count.
/// </summary>
public sealed class ForkingTests : SwitchCallTest
{
    private const string Username = "2001";
    private const string Password = "phone-pass-1";

    /// <summary>How long each registered SIPp stays to take calls.</summary>
    private static readonly TimeSpan Stay = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Parallel_forking_rings_both_contacts_one_answers_and_the_other_is_cancelled()
    {
        await PhoneAsync(number: Username, forkMode: "parallel");
        await using var ringing = await RegisterAsync(SippScenario.UasRingNoAnswer);
        await using var answering = await RegisterAsync(SippScenario.UasAnswer);
        await UntilRegisteredAsync(2);

        var call = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Username });

        Assert.True(call.AllCallsSucceeded, call.ToString());
        var rang = await ringing.WaitForExitAsync();
        Assert.Contains("CANCEL sip:", rang.Messages);
        Assert.Contains("487 Request Terminated", rang.Messages);
        Assert.Contains("BYE sip:", (await answering.WaitForExitAsync()).Messages);
        var cdr = await SingleCdrAsync();
        Assert.Equal([200, 487], AttemptCodes(cdr).Order());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Sequential_forking_tries_the_latest_registration_first_then_the_next()
    {
        await PhoneAsync(number: Username, forkMode: "sequential");
        await using var answering = await RegisterAsync(SippScenario.UasAnswer);
        await UntilRegisteredAsync(1);
        await using var busy = await RegisterAsync(SippScenario.UasFail486);
        await UntilRegisteredAsync(2);

        var call = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Username });

        Assert.True(call.AllCallsSucceeded, call.ToString());
        var cdr = await SingleCdrAsync();
        Assert.Equal([486, 200], AttemptCodes(cdr));
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_route_that_targets_the_phone_rings_it()
    {
        var phoneId = await PhoneAsync(number: null, forkMode: "parallel");
        await Tenant.Client.CreateAsync("/v1/routes", new { name = "Reception", prefix = "7", phone_id = phoneId });
        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].FindRoute("7000") is { Phone: not null }, TimeSpan.FromSeconds(5));
        await using var answering = await RegisterAsync(SippScenario.UasAnswer);
        await UntilRegisteredAsync(1);

        var call = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = "7000" });

        Assert.True(call.AllCallsSucceeded, call.ToString());
        var attempt = Assert.Single((await SingleCdrAsync())["attempts"]!.AsArray())!;
        Assert.Equal(phoneId, attempt["routing_gateway_id"]!.GetValue<string>());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_call_over_the_phone_s_line_count_is_answered_486()
    {
        await PhoneAsync(number: Username, forkMode: "parallel", maxIncomingCalls: 1);
        await using var answering = await RegisterAsync(SippScenario.UasAnswer);
        await UntilRegisteredAsync(1);
        await using var first = await SippProcess.StartAsync(Caller(SippScenario.UacCallBye) with
        {
            Callee = Username, Remote = Host.SipEndPoint, Pause = TimeSpan.FromSeconds(3), Timeout = SippTimeout,
        });
        for (var i = 0; i < 50 && Host.Switch.B2bua.Counters.ActiveCalls == 0; i++)
        {
            await Task.Delay(50);
        }

        var second = await CallAsync(Caller(SippScenario.UacExpectFailure) with { Callee = Username, ExpectedStatus = 486 });

        Assert.True(second.AllCallsSucceeded, second.ToString());
        Assert.True((await first.WaitForExitAsync()).AllCallsSucceeded);
        await AssertNothingLeftAsync();
    }

    private async Task<string> PhoneAsync(string? number, string forkMode, int? maxIncomingCalls = null)
    {
        var provisioned = await ProvisionAsync(new VendorTrunk(9));
        var id = await Tenant.Client.CreateAsync("/v1/phones", new
        {
            account_id = provisioned.CustomerAccountId, username = Username, password = Password, number,
            fork_mode = forkMode, max_incoming_calls = maxIncomingCalls,
        });
        await Host.WaitForAsync(s => s.FindPhone(s.Tenants[Tenant.Id].SipDomain, Username) is not null, TimeSpan.FromSeconds(5));
        return id;
    }

    /// <summary>A SIPp that registers as the phone, then answers the calls it gets with <paramref name="incoming"/>.</summary>
    private async Task<SippProcess> RegisterAsync(string incoming) =>
        await SippProcess.StartAsync(new SippOptions
        {
            Scenario = SippScenario.UacRegisterStay, Remote = Host.SipEndPoint, Pause = Stay, Timeout = Stay + SippTimeout,
            Account = new SippAccount(Username, Password, await TenantDomainAsync()), AuthUri = await TenantDomainAsync(),
            OutOfCallScenario = incoming,
        });

    private async Task UntilRegisteredAsync(int contacts)
    {
        var bindings = Host.Application.Services.GetRequiredService<SipBindingStore>();
        var domain = await TenantDomainAsync();
        for (var i = 0; i < 100 && bindings.Get(domain, Username).Count < contacts; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(contacts, bindings.Get(domain, Username).Count);
    }
}
