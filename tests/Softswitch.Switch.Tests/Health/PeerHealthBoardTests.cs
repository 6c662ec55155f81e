using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Switch.Health;

namespace Softswitch.Switch.Tests.Health;

public sealed class PeerHealthBoardTests
{
    private static readonly PeerKey Vendor = new("t1", "rgw_a");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly List<PeerHealthTransition> _changes = [];

    [Fact]
    public void A_peer_is_unknown_until_a_verdict_and_down_only_after_the_configured_timeouts_in_a_row()
    {
        var board = Board(downAfter: 3);
        board.Watch(Vendor);

        board.Record(Vendor, answered: false);
        board.Record(Vendor, answered: false);
        Assert.Equal(GatewayHealthStatus.Unknown, board.Read("t1", "rgw_a").Status);
        _clock.Advance(TimeSpan.FromSeconds(5));
        board.Record(Vendor, answered: false);

        Assert.True(board.IsDown(Vendor));
        Assert.Equal(new GatewayHealthReading(GatewayHealthStatus.Down, _clock.GetUtcNow().UtcDateTime), board.Read("t1", "rgw_a"));
        Assert.Equal(1, board.DownCount);
        var change = Assert.Single(_changes);
        Assert.Equal((GatewayHealthStatus.Unknown, GatewayHealthStatus.Down, 3), (change.From, change.To, change.ConsecutiveTimeouts));
    }

    [Fact]
    public void One_answer_brings_a_down_peer_up_and_starts_the_timeout_count_again()
    {
        var board = Board(downAfter: 2);
        board.Watch(Vendor);
        board.Record(Vendor, answered: false);
        board.Record(Vendor, answered: false);

        board.Record(Vendor, answered: true);
        board.Record(Vendor, answered: false);

        Assert.Equal(GatewayHealthStatus.Up, board.Read("t1", "rgw_a").Status);
        Assert.Equal(0, board.DownCount);
        Assert.Equal([GatewayHealthStatus.Down, GatewayHealthStatus.Up], _changes.Select(c => c.To));
        Assert.Equal((1, 3), (board.PingsAnswered, board.PingsTimedOut));
    }

    [Fact]
    public void Another_tenants_peer_with_the_same_id_is_a_different_peer()
    {
        var board = Board(downAfter: 1);
        board.Watch(Vendor);
        board.Watch(new PeerKey("t2", "rgw_a"));

        board.Record(Vendor, answered: false);

        Assert.True(board.IsDown(Vendor));
        Assert.False(board.IsDown(new PeerKey("t2", "rgw_a")));
        Assert.Equal(GatewayHealthStatus.Unknown, board.Read("t2", "rgw_a").Status);
    }

    [Fact]
    public void A_forgotten_peer_reads_unknown_and_its_known_state_is_reported_as_ended()
    {
        var board = Board(downAfter: 1);
        board.Watch(Vendor);
        board.Record(Vendor, answered: false);

        board.Forget(Vendor);
        board.Record(Vendor, answered: true);

        Assert.Equal(GatewayHealthReading.Unknown, board.Read("t1", "rgw_a"));
        Assert.Equal(0, board.DownCount);
        Assert.Equal([GatewayHealthStatus.Down, GatewayHealthStatus.Unknown], _changes.Select(c => c.To));
    }

    private PeerHealthBoard Board(int downAfter)
    {
        var board = new PeerHealthBoard(downAfter, _clock);
        board.Changed += _changes.Add;
        return board;
    }
}
