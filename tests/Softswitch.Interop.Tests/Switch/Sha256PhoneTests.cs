using Softswitch.Interop.Tests.Sipp;
using Softswitch.Sip.Auth;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>SHA-256 digest (RFC 8760) for REGISTER and INVITE: a client that knows it picks it from the challenges offered.</summary>
public sealed class Sha256PhoneTests : SwitchCallTest
{
    [Fact]
    public async Task A_phone_registers_with_sha256_digest_then_calls()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var phoneId = await SwitchProvisioning.PhoneAsync(Tenant.Client, provisioned.CustomerAccountId, "1003", "sha-256-only");
        var domain = await TenantDomainAsync();
        await Host.WaitForAsync(s => s.FindPhone(domain, "1003") is not null, TimeSpan.FromSeconds(5));
        await using var phone = new OwnStackPhone(Host.SipEndPoint, "1003", "sha-256-only", domain);

        var (status, algorithm) = await phone.RegisterAsync();
        Assert.Equal(200, status);
        Assert.Equal(DigestAlgorithm.Sha256, algorithm);
        Assert.Equal(200, await phone.CallAndHangUpAsync("4420123456"));

        Assert.True((await vendor.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal(phoneId, cdr["phone_id"]!.GetValue<string>());
        Assert.Equal(200, cdr["final_code"]!.GetValue<int>());
        await AssertNothingLeftAsync();
    }
}
