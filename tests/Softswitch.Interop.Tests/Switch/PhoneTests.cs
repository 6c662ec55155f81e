using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>Phones: digest REGISTER and INVITE through the switch, wrong passwords, and callers nobody claims.</summary>
public sealed class PhoneTests : SwitchCallTest
{
    [Fact]
    public async Task A_phone_registers_with_md5_digest_then_calls()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var phoneId = await SwitchProvisioning.PhoneAsync(Tenant.Client, provisioned.CustomerAccountId, "1001", "correct-horse-1");
        var domain = await TenantDomainAsync();
        await Host.WaitForAsync(s => s.FindPhone(domain, "1001") is not null, TimeSpan.FromSeconds(5));

        var account = new SippAccount("1001", "correct-horse-1", domain);
        var registered = await CallAsync(Caller(SippScenario.UacRegister) with { Account = account, AuthUri = domain });
        var caller = Caller(SippScenario.UacPhoneCall);
        var phone = await CallAsync(caller with { Account = account, AuthUri = $"{caller.Callee}@{domain}" });

        Assert.True(registered.AllCallsSucceeded, registered.ToString());
        Assert.True(phone.AllCallsSucceeded, phone.ToString());
        Assert.True((await vendor.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal(phoneId, cdr["phone_id"]!.GetValue<string>());
        Assert.Equal("1001", cdr["caller_sent"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_gets_401_then_403()
    {
        var provisioned = await ProvisionAsync(new VendorTrunk(9));
        await SwitchProvisioning.PhoneAsync(Tenant.Client, provisioned.CustomerAccountId, "1002", "the-real-password");
        var domain = await TenantDomainAsync();
        await Host.WaitForAsync(s => s.FindPhone(domain, "1002") is not null, TimeSpan.FromSeconds(5));

        var phone = await CallAsync(Caller(SippScenario.UacRegisterWrongPassword) with { Account = new SippAccount("1002", "a-guess", domain), AuthUri = domain });

        Assert.True(phone.AllCallsSucceeded, phone.ToString());
        Assert.Contains("SIP/2.0 403", phone.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_no_trunk_or_tenant_claims_gets_403_and_is_counted()
    {
        // No mapping gateway anywhere, and SIPp's From domain (127.0.0.1) is no tenant's SIP domain.
        var caller = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 403 });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Equal(1, Host.Switch.B2bua.Counters.IngressForbidden);
        Assert.Empty(await Host.WaitForCdrsAsync(Tenant.Client, 0));
    }

    [Fact]
    public async Task Another_tenants_calls_and_cdrs_stay_invisible()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        using var other = await Host.Application.CreateTenantAsync("Other");

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Single(await Host.WaitForCdrsAsync(Tenant.Client, 1));
        Assert.Empty(await Host.WaitForCdrsAsync(other.Client, 0));
    }

    [Fact]
    public async Task A_phones_credentials_do_not_work_in_another_tenants_domain()
    {
        var provisioned = await ProvisionAsync(new VendorTrunk(9));
        await SwitchProvisioning.PhoneAsync(Tenant.Client, provisioned.CustomerAccountId, "1004", "tenant-a-secret");
        using var other = await Host.Application.CreateTenantAsync("Other");
        using var platform = Host.Application.PlatformClient();
        using var otherTenant = await platform.GetAsync($"/v1/tenants/{other.Id}");
        var otherDomain = (await otherTenant.ReadObjectAsync())["sip_domain"]!.GetValue<string>();
        var ownDomain = await TenantDomainAsync();
        await Host.WaitForAsync(s => s.FindPhone(ownDomain, "1004") is not null && s.FindTenantByDomain(otherDomain) is not null, TimeSpan.FromSeconds(5));

        await using var intruder = new OwnStackPhone(Host.SipEndPoint, "1004", "tenant-a-secret", otherDomain);
        var (status, _) = await intruder.RegisterAsync();

        Assert.Equal(401, status);
        // The INVITE's answer to the challenge is refused with a fresh challenge: no such phone in that realm.
        Assert.Equal(407, await intruder.CallAndHangUpAsync("4420123456"));
        Assert.Equal(0, Host.Switch.B2bua.Counters.CallsAccepted);
    }
}
