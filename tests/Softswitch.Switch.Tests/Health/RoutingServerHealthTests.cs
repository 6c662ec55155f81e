using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Health;
using Softswitch.Switch.Redirect;
using Softswitch.Switch.Tests.Redirect;

namespace Softswitch.Switch.Tests.Health;

/// <summary>The redirect client skips a routing server whose circuit is open or whose OPTIONS pings went unanswered.</summary>
public sealed class RoutingServerHealthTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<string> _asked = [];

    [Fact]
    public async Task After_k_failures_the_server_is_skipped_until_the_cool_down_ends_then_probed_once()
    {
        var health = new RoutingServerHealth(new PeerHealthBoard(3, _clock), new RoutingServerBreaker(2, TimeSpan.FromSeconds(30), _clock));
        var client = Client(health, a => a == "a" ? RoutingServerAnswer.Failed(503, "Answered 503") : RoutingServerAnswer.OwnRoutes(404));

        await RouteAsync(client);
        await RouteAsync(client);
        var skipping = await RouteAsync(client);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await RouteAsync(client);

        Assert.Equal(RedirectDecision.OwnRoutes, skipping.Decision);
        Assert.Equal(["a", "b", "a", "b", "b", "a", "b"], _asked);
        Assert.Equal(BreakerState.Open, health.Breaker.StateOf(new PeerKey("t", Address("a"))));
    }

    [Fact]
    public async Task A_sip_server_down_by_options_is_not_asked()
    {
        var pings = new PeerHealthBoard(1, _clock);
        var key = new PeerKey("t", Address("a"));
        pings.Watch(key);
        pings.Record(key, answered: false);
        var client = Client(new RoutingServerHealth(pings, new RoutingServerBreaker(5, TimeSpan.FromSeconds(30), _clock)), _ => RoutingServerAnswer.OwnRoutes(404));

        await RouteAsync(client);

        Assert.Equal(["b"], _asked);
        Assert.Equal(1, pings.SkippedDown);
        Assert.Equal(GatewayHealthStatus.Down, pings.Read("t", Address("a")).Status);
    }

    private RedirectClient Client(RoutingServerHealth health, Func<string, RoutingServerAnswer> answer)
    {
        var servers = new Scripted(this, answer);
        return new RedirectClient(new RedirectProfileSource(), servers, servers, _clock) { Health = health };
    }

    private static Task<RedirectOutcome> RouteAsync(RedirectClient client) => client.RouteAsync(
        new RedirectSettings([Server("a"), Server("b")], TimeSpan.FromSeconds(3), RedirectFailureMode.OwnRoutes, ContactFilter.None, []),
        RedirectTestConfig.Origin(RedirectTestConfig.Snapshot()),
        new RoutingQuery("cdr_1", "15550001111", "442071234567", "198.51.100.7", "c", "trunk", null, SipRequest.Create(
            SipMethods.Invite, SipUri.Parse("sip:442071234567@192.0.2.9"), SipNameAddress.Parse("<sip:1@a>;tag=x"), SipNameAddress.Parse("<sip:2@b>"), "call", 1)),
        CancellationToken.None);

    private static string Address(string name) => $"sip:192.0.2.50:5070;{name}";

    private static RoutingServer Server(string name) => RoutingServer.TryCreate(Address(name), TimeSpan.FromSeconds(1))!;

    private sealed class Scripted(RoutingServerHealthTests test, Func<string, RoutingServerAnswer> answer) : IRoutingServerClient
    {
        public Task<RoutingServerAnswer> AskAsync(RoutingServer server, RoutingQuery query, IReadOnlyList<string> carryHeaders, CancellationToken cancellationToken)
        {
            var name = server.Address[(server.Address.IndexOf(';', StringComparison.Ordinal) + 1)..];
            test._asked.Add(name);
            return Task.FromResult(answer(name));
        }
    }
}
