using System.Diagnostics.Metrics;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Health;

/// <summary>
/// OPTIONS pings and health on the routing meter (<c>Softswitch.Switch.Calls</c>; the factory hands back the same
/// meter for the same name), tagged <c>peer</c> = <c>gateway</c> or <c>routing_server</c>.
/// </summary>
public static class PeerHealthMetrics
{
    public const string Gateway = "gateway";
    public const string RoutingServer = "routing_server";

    public static Meter Create(IMeterFactory factory, PeerHealthBoard gateways, RoutingServerHealth? servers)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(gateways);
        var meter = factory.Create(CallMetrics.MeterName);
        var boards = servers is null ? [(Gateway, gateways)] : new[] { (Gateway, gateways), (RoutingServer, servers.Pings) };
        meter.CreateObservableCounter("softswitch.health.pings_sent", () => Each(boards, b => b.PingsSent), "{ping}");
        meter.CreateObservableCounter("softswitch.health.pings_answered", () => Each(boards, b => b.PingsAnswered), "{ping}");
        meter.CreateObservableCounter("softswitch.health.pings_timed_out", () => Each(boards, b => b.PingsTimedOut), "{ping}");
        meter.CreateObservableUpDownCounter("softswitch.health.down", () => Each(boards, b => b.DownCount), "{peer}", "Pinged peers down now");
        meter.CreateObservableCounter("softswitch.health.skipped_down", () => Each(boards, b => b.SkippedDown), "{attempt}", "Times routing passed over a down peer");
        if (servers is not null)
        {
            meter.CreateObservableCounter("softswitch.health.breaker_opened", () => servers.Breaker.Opened, "{circuit}");
            meter.CreateObservableCounter("softswitch.health.breaker_skipped", () => servers.Breaker.Skipped, "{query}", "Routing-server queries skipped on an open circuit");
        }

        return meter;
    }

    private static IEnumerable<Measurement<long>> Each((string Peer, PeerHealthBoard Board)[] boards, Func<PeerHealthBoard, long> read) =>
        boards.Select(b => new Measurement<long>(read(b.Board), new KeyValuePair<string, object?>("peer", b.Peer)));
}
