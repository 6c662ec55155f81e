using Softswitch.Sip.Messages;
using Softswitch.Switch.Config;
using Softswitch.Switch.Redirect;

namespace Softswitch.Switch.Tests.Redirect;

public sealed class RedirectTargetsTests
{
    private readonly TenantConfig _tenant = RedirectTestConfig.Snapshot().Tenants["t"];

    [Fact]
    public void Targets_are_tried_by_q_highest_first_and_in_the_given_order_among_equal_q()
    {
        var attempts = RedirectTargets.ToAttempts(
            [Target("sip:111@192.0.2.1:5063", 0.2), Target("sip:222@192.0.2.1:5061", 1), Target("sip:333@192.0.2.1:5063", 0.5), Target("sip:444@192.0.2.1:5061", 0.5)],
            _tenant, ContactFilter.None, "442071234567");

        Assert.Equal(["v1:222", "v3:333", "v1:444", "v3:111"], attempts.Select(a => $"{a.Gateway.Id}:{a.Callee}"));
    }

    [Fact]
    public void A_target_goes_through_the_gateway_at_its_host_and_port_with_that_gateways_number_rewrite()
    {
        var attempts = RedirectTargets.ToAttempts([Target("sip:442071234567@192.0.2.1:5062", 1)], _tenant, ContactFilter.None, "x");

        var attempt = Assert.Single(attempts);
        Assert.Equal("v2", attempt.Gateway.Id);
        Assert.Equal("92071234567", attempt.Callee);
    }

    [Fact]
    public void A_target_that_is_no_gateway_of_the_tenant_or_no_number_is_dropped()
    {
        var attempts = RedirectTargets.ToAttempts(
            [Target("sip:111@203.0.113.9:5061", 1), Target("sip:111@192.0.2.1:5099", 1), Target("sip:evil@192.0.2.1:5061", 1), Target("sip:192.0.2.1", 1)],
            _tenant, ContactFilter.None, "442071234567");

        Assert.Empty(attempts);
    }

    [Fact]
    public void A_target_without_user_part_keeps_the_calls_number()
    {
        var attempt = Assert.Single(RedirectTargets.ToAttempts([Target("sip:192.0.2.1:5061", 1)], _tenant, ContactFilter.None, "442071234567"));

        Assert.Equal("442071234567", attempt.Callee);
    }

    [Fact]
    public void Deny_filters_win_and_accept_filters_keep_only_what_they_name()
    {
        RedirectTarget[] targets = [Target("sip:4411@192.0.2.1:5061", 1), Target("sip:4412@192.0.2.1:5062", 0.9), Target("sip:3312@192.0.2.1:5063", 0.8)];

        var deniedHost = RedirectTargets.ToAttempts(targets, _tenant, new ContactFilter([], ["192.0.2.1:5061"], [], []), "x");
        var acceptedPrefix = RedirectTargets.ToAttempts(targets, _tenant, new ContactFilter([], [], ["44"], ["4412"]), "x");
        var acceptedHost = RedirectTargets.ToAttempts(targets, _tenant, new ContactFilter(["192.0.2.1:5063"], [], [], []), "x");

        Assert.Equal(["v2", "v3"], deniedHost.Select(a => a.Gateway.Id));
        Assert.Equal(["v1"], acceptedPrefix.Select(a => a.Gateway.Id));
        Assert.Equal(["v3"], acceptedHost.Select(a => a.Gateway.Id));
    }

    [Fact]
    public void At_most_ten_targets_become_attempts()
    {
        var targets = Enumerable.Range(0, 30).Select(i => Target($"sip:{1000 + i}@192.0.2.1:5061", 1)).ToList();

        Assert.Equal(RedirectSettings.MaxTargets, RedirectTargets.ToAttempts(targets, _tenant, ContactFilter.None, "x").Count);
    }

    [Fact]
    public void A_gateway_id_from_an_http_server_must_be_the_tenants()
    {
        var other = RedirectTestConfig.Snapshot("other").Tenants["other"];

        Assert.Single(RedirectTargets.ToAttempts([new RedirectTarget(null, "v1", 1)], _tenant, ContactFilter.None, "442071234567"));
        Assert.Empty(RedirectTargets.ToAttempts([new RedirectTarget(null, "v9", 1)], other, ContactFilter.None, "442071234567"));
    }

    [Theory]
    [InlineData("<sip:1@a>;q=0.7", 0.7)]
    [InlineData("<sip:1@a>", 1.0)]
    [InlineData("<sip:1@a>;q=7", 1.0)]
    [InlineData("<sip:1@a>;q=abc", 1.0)]
    public void The_q_value_is_read_from_the_contact(string contact, double q) =>
        Assert.Equal(q, RedirectTargets.QOf(SipNameAddress.Parse(contact)));

    private static RedirectTarget Target(string uri, double q) => new(SipUri.Parse(uri), null, q);
}
