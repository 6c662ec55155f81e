using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Config;
using Softswitch.Switch.Redirect;

namespace Softswitch.Switch.Tests.Redirect;

public sealed class RedirectClientTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly SwitchConfigSnapshot _snapshot = RedirectTestConfig.Snapshot();

    [Fact]
    public async Task A_302_becomes_the_route_list_and_its_chosen_headers_are_kept()
    {
        var servers = new ScriptedServers(_ => new RoutingServerAnswer(
            RoutingServerVerdict.Redirect, 302, [Target("sip:1@192.0.2.1:5063", 0.1), Target("sip:2@192.0.2.1:5061", 0.9)], [new("X-Route", "a")], "Redirected"));

        var outcome = await RouteAsync(servers, Settings(Sip("a")));

        Assert.Equal(RedirectDecision.Redirected, outcome.Decision);
        Assert.Equal(["v1", "v3"], outcome.Attempts.Select(a => a.Gateway.Id));
        Assert.Equal("sip:192.0.2.50:5070;a", outcome.Server);
        Assert.Equal([new KeyValuePair<string, string>("X-Route", "a")], outcome.Headers);
    }

    [Fact]
    public async Task A_404_means_own_routes_and_a_603_or_403_refuses_with_that_code()
    {
        var own = await RouteAsync(new ScriptedServers(_ => RoutingServerAnswer.OwnRoutes(404)), Settings(Sip("a")));
        var declined = await RouteAsync(new ScriptedServers(_ => RoutingServerAnswer.Refuse(603, "Decline")), Settings(Sip("a")));
        var forbidden = await RouteAsync(new ScriptedServers(_ => RoutingServerAnswer.Refuse(403, "Forbidden")), Settings(Sip("a")));

        Assert.Equal(RedirectDecision.OwnRoutes, own.Decision);
        Assert.Equal((RedirectDecision.Refused, 603), (declined.Decision, declined.StatusCode));
        Assert.Equal((RedirectDecision.Refused, 403), (forbidden.Decision, forbidden.StatusCode));
    }

    [Fact]
    public async Task A_5xx_or_a_redirect_without_usable_target_moves_on_to_the_next_server()
    {
        var servers = new ScriptedServers(server => server.Address switch
        {
            "sip:192.0.2.50:5070;a" => RoutingServerAnswer.Failed(503, "Answered 503"),
            "sip:192.0.2.50:5070;b" => new RoutingServerAnswer(RoutingServerVerdict.Redirect, 302, [Target("sip:1@203.0.113.1", 1)], [], "Redirected"),
            _ => RoutingServerAnswer.OwnRoutes(404),
        });

        var outcome = await RouteAsync(servers, Settings(Sip("a"), Sip("b"), Sip("c")));

        Assert.Equal(RedirectDecision.OwnRoutes, outcome.Decision);
        Assert.Equal("sip:192.0.2.50:5070;c", outcome.Server);
        Assert.Equal(3, servers.Asked);
    }

    [Theory]
    [InlineData(RedirectFailureMode.OwnRoutes, RedirectDecision.OwnRoutes, 0)]
    [InlineData(RedirectFailureMode.Refuse, RedirectDecision.Unavailable, 503)]
    public async Task Dead_servers_time_out_each_within_its_timeout_and_all_within_the_deadline(RedirectFailureMode mode, RedirectDecision decision, int status)
    {
        var servers = new SilentServers();
        var settings = Settings(TimeSpan.FromMilliseconds(1500), mode, Sip("a", 1000), Sip("b", 1000), Sip("c", 1000));
        var client = new RedirectClient(new RedirectProfileSource(), servers, servers, _clock);

        var routing = client.RouteAsync(settings, RedirectTestConfig.Origin(_snapshot), Query(), CancellationToken.None);
        await Until(() => servers.Asked == 1);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        await Until(() => false, TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, servers.Asked);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => servers.Asked == 2);
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        await Until(() => false, TimeSpan.FromMilliseconds(50));
        Assert.False(routing.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var outcome = await routing.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal((decision, status), (outcome.Decision, outcome.StatusCode));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), outcome.Elapsed);
        Assert.Null(outcome.Server);
        Assert.Equal(2, servers.Asked);
        Assert.Equal(1, mode == RedirectFailureMode.OwnRoutes ? client.Counters.FailOpens : client.Counters.FailCloses);
    }

    [Fact]
    public async Task The_call_ending_abandons_the_query_in_progress()
    {
        var servers = new SilentServers();
        var client = new RedirectClient(new RedirectProfileSource(), servers, null, _clock);
        using var callEnded = new CancellationTokenSource();

        var routing = client.RouteAsync(Settings(Sip("a"), Sip("b")), RedirectTestConfig.Origin(_snapshot), Query(), callEnded.Token);
        await Until(() => servers.Asked == 1);
        await callEnded.CancelAsync();
        var outcome = await routing.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(1, servers.Asked);
        Assert.Equal(RedirectDecision.OwnRoutes, outcome.Decision);
    }

    [Fact]
    public void A_trunks_profile_overrides_its_tenants_and_tenants_never_see_each_others()
    {
        var profiles = RedirectProfiles.Create(
        [
            Profile("t", null, "sip:192.0.2.50"),
            Profile("t", "trunk", "sip:192.0.2.51"),
            Profile("u", null, "sip:192.0.2.52"),
            Profile("t", "trunk2", "sip:192.0.2.53", enabled: false),
        ]);

        Assert.Equal("sip:192.0.2.51", profiles.For("t", "trunk")!.Servers[0].Address);
        Assert.Equal("sip:192.0.2.50", profiles.For("t", "trunk2")!.Servers[0].Address);
        Assert.Equal("sip:192.0.2.50", profiles.For("t", null)!.Servers[0].Address);
        Assert.Equal("sip:192.0.2.52", profiles.For("u", "trunk")!.Servers[0].Address);
        Assert.Null(profiles.For("v", "trunk"));
    }

    private static RedirectProfile Profile(string tenant, string? trunk, string server, bool enabled = true) =>
        new() { TenantId = tenant, MappingGatewayId = trunk, Enabled = enabled, Servers = [new RedirectServer { Uri = server }] };

    private Task<RedirectOutcome> RouteAsync(IRoutingServerClient servers, RedirectSettings settings) =>
        new RedirectClient(new RedirectProfileSource(), servers, servers, _clock).RouteAsync(settings, RedirectTestConfig.Origin(_snapshot), Query(), CancellationToken.None);

    private static RoutingQuery Query() =>
        new("cdr_1", "15550001111", "442071234567", "198.51.100.7", "c", "trunk", null, SipRequest.Create(
            SipMethods.Invite, SipUri.Parse("sip:442071234567@192.0.2.9"), SipNameAddress.Parse("<sip:1@a>;tag=x"), SipNameAddress.Parse("<sip:2@b>"), "call", 1));

    private static RoutingServer Sip(string name, int timeoutMilliseconds = 1500) =>
        RoutingServer.TryCreate($"sip:192.0.2.50:5070;{name}", TimeSpan.FromMilliseconds(timeoutMilliseconds))!;

    private static RedirectSettings Settings(params RoutingServer[] servers) => Settings(TimeSpan.FromSeconds(3), RedirectFailureMode.OwnRoutes, servers);

    private static RedirectSettings Settings(TimeSpan deadline, RedirectFailureMode mode, params RoutingServer[] servers) =>
        new(servers, deadline, mode, ContactFilter.None, ["X-Route"]);

    private static RedirectTarget Target(string uri, double q) => new(SipUri.Parse(uri), null, q);

    /// <summary>Waits (bounded) for the query's continuations, which run on the thread pool after the fake clock fires.</summary>
    private static async Task Until(Func<bool> condition, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(5));
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private sealed class ScriptedServers(Func<RoutingServer, RoutingServerAnswer> answer) : IRoutingServerClient
    {
        private int _asked;

        public int Asked => Volatile.Read(ref _asked);

        public Task<RoutingServerAnswer> AskAsync(RoutingServer server, RoutingQuery query, IReadOnlyList<string> carryHeaders, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            return Task.FromResult(answer(server));
        }
    }

    /// <summary>Servers that never answer: each query ends only when its token fires.</summary>
    private sealed class SilentServers : IRoutingServerClient
    {
        private int _asked;

        public int Asked => Volatile.Read(ref _asked);

        public async Task<RoutingServerAnswer> AskAsync(RoutingServer server, RoutingQuery query, IReadOnlyList<string> carryHeaders, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            var silence = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (cancellationToken.Register(() => silence.TrySetResult()))
            {
                await silence.Task;
            }

            return RoutingServerAnswer.Failed(408, "Timeout");
        }
    }
}
