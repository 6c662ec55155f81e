using Softswitch.Media.Phones;
using Softswitch.Sip.Registrar;

namespace Softswitch.Switch.Tests.Phones;

public sealed class PresenceCoalescerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly PresenceCoalescer _coalescer = new(TimeSpan.FromSeconds(5));

    [Fact]
    public void The_first_change_of_a_quiet_phone_goes_at_once()
    {
        _coalescer.Offer(Change("alice", true, T0));

        var due = _coalescer.TakeDue(T0, out var next);

        Assert.True(Assert.Single(due).Online);
        Assert.Null(next);
    }

    [Fact]
    public void Offline_and_back_online_within_the_interval_sends_nothing_more()
    {
        _coalescer.Offer(Change("alice", true, T0));
        _coalescer.TakeDue(T0, out _);

        _coalescer.Offer(Change("alice", false, T0.AddSeconds(1)));
        _coalescer.Offer(Change("alice", true, T0.AddSeconds(2)));

        Assert.Empty(_coalescer.TakeDue(T0.AddSeconds(2), out var next));
        Assert.Null(next);
        Assert.Empty(_coalescer.TakeDue(T0.AddSeconds(10), out _));
    }

    [Fact]
    public void A_flapping_phone_sends_its_state_once_per_interval()
    {
        var sent = new List<AorPresence>();
        var now = T0;
        for (var i = 0; i < 60; i++)
        {
            _coalescer.Offer(Change("alice", i % 2 == 0, now));
            sent.AddRange(_coalescer.TakeDue(now, out _));
            now = now.AddMilliseconds(500);
        }

        Assert.InRange(sent.Count, 1, 7);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.NotEqual(pair.First.Online, pair.Second.Online));
    }

    [Fact]
    public void A_held_change_ripens_at_the_end_of_the_interval()
    {
        _coalescer.Offer(Change("alice", true, T0));
        _coalescer.TakeDue(T0, out _);
        _coalescer.Offer(Change("alice", false, T0.AddSeconds(1)));

        Assert.Empty(_coalescer.TakeDue(T0.AddSeconds(1), out var next));
        Assert.Equal(T0.AddSeconds(5), next);
        Assert.False(Assert.Single(_coalescer.TakeDue(T0.AddSeconds(5), out _)).Online);
    }

    [Fact]
    public void Phones_are_independent_and_offline_phones_are_forgotten()
    {
        _coalescer.Offer(Change("alice", true, T0));
        _coalescer.Offer(Change("bob", true, T0));
        Assert.Equal(2, _coalescer.TakeDue(T0, out _).Count);
        _coalescer.Offer(Change("bob", false, T0.AddSeconds(6)));
        Assert.Single(_coalescer.TakeDue(T0.AddSeconds(6), out _));

        _coalescer.TakeDue(T0.AddSeconds(20), out _);

        Assert.Equal(1, _coalescer.Count);
    }

    private static AorPresence Change(string user, bool online, DateTimeOffset at) =>
        new("example.com", user, online, online ? AorPresenceCause.Registered : AorPresenceCause.Expired, at);
}
