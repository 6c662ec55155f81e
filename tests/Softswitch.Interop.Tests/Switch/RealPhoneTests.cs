using Softswitch.Interop.Tests.Baresip;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>A real phone: baresip registers with the switch and calls through it to a SIPp vendor.</summary>
public sealed class RealPhoneTests : SwitchCallTest
{
    /// <summary>baresip 1.0 (libre) gives up with ENOSYS when any challenge names an algorithm it lacks, so it needs MD5 alone.</summary>
    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Sip:DigestAlgorithms"] = "MD5",
    };

    [Fact]
    public async Task Baresip_registers_and_calls_through_the_switch()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var phoneId = await SwitchProvisioning.PhoneAsync(Tenant.Client, provisioned.CustomerAccountId, "2001", "baresip-pass-1");
        var domain = await TenantDomainAsync();
        await Host.WaitForAsync(s => s.FindPhone(domain, "2001") is not null, TimeSpan.FromSeconds(5));

        await using (var phone = await BaresipPhone.StartAsync(new BaresipPhoneOptions
        {
            User = "2001", Domain = domain, Password = "baresip-pass-1", OutboundProxy = Host.SipEndPoint,
            RegistrationInterval = TimeSpan.FromMinutes(5),
        }))
        {
            await phone.WaitForRegistrationAsync();
            await phone.DialAsync($"sip:4420123456@{domain}");
            await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
            await phone.HangupAsync();
            await phone.WaitForEventAsync(BaresipEventTypes.CallClosed);
        }

        Assert.True((await vendor.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal(phoneId, cdr["phone_id"]!.GetValue<string>());
        Assert.Equal(200, cdr["final_code"]!.GetValue<int>());
        Assert.Equal("caller", cdr["hangup_side"]!.GetValue<string>());
    }
}
