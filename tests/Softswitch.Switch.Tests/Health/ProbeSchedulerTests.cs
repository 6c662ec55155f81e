using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Health;

namespace Softswitch.Switch.Tests.Health;

public sealed class ProbeSchedulerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ManualProbe _probe = new();
    private readonly TargetList _targets = new();

    [Fact]
    public void A_new_peer_is_pinged_at_once_and_then_every_interval()
    {
        _targets.Set(Target("a", seconds: 10));
        using var scheduler = Scheduler(new PeerHealthBoard(3, _clock), maxPerTick: 10);

        Assert.Single(_probe.Pending);
        _probe.AnswerAll(true);
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(_probe.Pending);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(_probe.Pending);
        Assert.Equal(2, _probe.Sent);
    }

    [Fact]
    public void A_peer_never_has_two_pings_outstanding()
    {
        _targets.Set(Target("a", seconds: 1));
        var board = new PeerHealthBoard(3, _clock);
        using var scheduler = Scheduler(board, maxPerTick: 10);

        for (var i = 0; i < 40; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, _probe.Sent);
        Assert.Equal(1, scheduler.Outstanding);
        _probe.AnswerAll(false);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _probe.Sent);
        Assert.Equal(2, board.PingsSent);
    }

    [Fact]
    public void At_most_the_cap_is_pinged_a_tick_and_the_longest_waiting_go_first()
    {
        _targets.Set([.. Enumerable.Range(0, 5).Select(i => Target($"g{i}", seconds: 60))]);
        using var scheduler = Scheduler(new PeerHealthBoard(3, _clock), maxPerTick: 2);

        Assert.Equal(2, _probe.Sent);
        _clock.Advance(ProbeScheduler.TickInterval);
        Assert.Equal(4, _probe.Sent);
        _clock.Advance(ProbeScheduler.TickInterval);
        Assert.Equal(5, _probe.Sent);
        Assert.Equal(5, _probe.Pending.Select(p => p.Target.Key).Distinct().Count());
    }

    [Fact]
    public void Three_unanswered_pings_mark_a_vendor_down_and_one_answer_up()
    {
        _targets.Set(Target("a", seconds: 5));
        var board = new PeerHealthBoard(3, _clock);
        using var scheduler = Scheduler(board, maxPerTick: 10);

        for (var i = 0; i < 3; i++)
        {
            Assert.False(board.IsDown(Key("a")));
            _probe.AnswerAll(false);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.True(board.IsDown(Key("a")));
        _probe.AnswerAll(true);
        Assert.Equal(GatewayHealthStatus.Up, board.Read("t", "a").Status);
    }

    [Fact]
    public void A_peer_removed_from_the_configuration_is_forgotten_and_a_late_answer_changes_nothing()
    {
        _targets.Set(Target("a", seconds: 5), Target("b", seconds: 5));
        var board = new PeerHealthBoard(1, _clock);
        using var scheduler = Scheduler(board, maxPerTick: 10);
        _probe.AnswerAll(false);
        Assert.Equal(2, board.DownCount);

        _targets.Set(Target("b", seconds: 5));
        _clock.Advance(TimeSpan.FromSeconds(5));
        _probe.AnswerAll(true);

        Assert.Equal(GatewayHealthReading.Unknown, board.Read("t", "a"));
        Assert.Equal(GatewayHealthStatus.Up, board.Read("t", "b").Status);
        Assert.Equal(1, board.Watched);
    }

    private ProbeScheduler Scheduler(PeerHealthBoard board, int maxPerTick) =>
        new(_targets, _probe, board, maxPerTick, _clock, NullLogger.Instance);

    private static PeerKey Key(string id) => new("t", id);

    private static ProbeTarget Target(string id, int seconds) =>
        new(Key(id), "192.0.2.10", 5060, SipTransportProtocol.Udp, TimeSpan.FromSeconds(seconds));

    private sealed class TargetList : IProbeTargetSource
    {
        private ProbeTarget[] _current = [];

        public object Version => _current;

        public void Set(params ProbeTarget[] targets) => _current = targets;

        public IEnumerable<ProbeTarget> Targets(object version) => (ProbeTarget[])version;
    }

    private sealed class ManualProbe : IOptionsProbe
    {
        public List<(ProbeTarget Target, TaskCompletionSource<bool> Answer)> Pending { get; } = [];

        public int Sent { get; private set; }

        public Task<bool> ProbeAsync(ProbeTarget target)
        {
            Sent++;
            var answer = new TaskCompletionSource<bool>();
            Pending.Add((target, answer));
            return answer.Task;
        }

        public void AnswerAll(bool answered)
        {
            var pending = Pending.ToList();
            Pending.Clear();
            pending.ForEach(p => p.Answer.SetResult(answered));
        }
    }
}
