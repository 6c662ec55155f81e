using System.Net;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Admission;

/// <summary>Account IP binding (VOS3000 SS_ACCESS_IP_CHECK) as the admission stage after ingress.</summary>
public sealed class AccountAccessIpStageTests
{
    private static readonly SipEndPoint Neighbour = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5060));

    [Fact]
    public async Task A_call_from_outside_the_accounts_access_ips_gets_403_naming_the_rule()
    {
        var rig = new AdmissionRig(accessIps: ["203.0.113.0/24", "2001:db8::/32"]);
        var context = await IdentifiedAsync(rig);

        var refused = await new AccountAccessIpStage().EvaluateAsync(context);

        Assert.Equal((AdmissionVerdict.Reject, 403, "account-access-ip"), (refused.Verdict, refused.Response!.StatusCode, refused.RuleId));
        Assert.Contains(AccountAccessIpStage.ReasonText, refused.Response.Headers[Softswitch.Switch.Calls.ReasonHeader.Name], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("198.51.100.7")]
    [InlineData("198.51.100.0/24")]
    public async Task A_call_from_a_bound_address_or_block_continues(string binding)
    {
        var rig = new AdmissionRig(accessIps: ["203.0.113.0/24", binding]);

        Assert.True((await new AccountAccessIpStage().EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task An_account_without_access_ips_is_not_bound()
    {
        var rig = new AdmissionRig();

        Assert.True((await new AccountAccessIpStage().EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task Another_tenants_binding_never_decides_this_tenants_calls()
    {
        // Tenant n's account is bound to 192.0.2.0/24; tenant t's account is not bound at all.
        var rig = new AdmissionRig(neighbour: ["192.0.2.0/24"]);
        var ours = await IdentifiedAsync(rig);
        var theirs = await IdentifiedAsync(rig, Neighbour);

        Assert.Equal("t", ours.Origin!.Tenant.TenantId);
        Assert.True((await new AccountAccessIpStage().EvaluateAsync(ours)).IsContinue);
        Assert.Equal("n", theirs.Origin!.Tenant.TenantId);
        Assert.Equal(403, (await new AccountAccessIpStage().EvaluateAsync(theirs)).Response!.StatusCode);
    }

    [Fact]
    public void An_account_whose_access_ip_cannot_be_read_is_left_out_rather_than_left_unbound()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c", accessIps: ["198.51.100.0/24", "198.51.100.300"])
            .Mapping("t", "c", "trunk", ["198.51.100.7"]).Snapshot();

        Assert.Equal(Softswitch.Switch.Config.IngressLookup.Unknown, snapshot.IdentifyIngress(IPAddress.Parse("198.51.100.7"), "1", out _));
        Assert.Contains(snapshot.Problems, p => (p.Table, p.RowId) == ("accounts", "c") && p.Problem.Contains("198.51.100.300", StringComparison.Ordinal));
    }

    private static async Task<AdmissionContext> IdentifiedAsync(AdmissionRig rig, SipEndPoint? source = null)
    {
        var context = rig.Context(source: source);
        Assert.True((await rig.Ingress().EvaluateAsync(context)).IsContinue);
        return context;
    }
}
