using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Transactions;
using Xunit;

namespace Softswitch.Sip.Tests.Transactions;

public sealed class FixedDelayExpiryTests
{
    private readonly TimerCountingClock _clock = new();
    private readonly List<(string Item, TimeSpan At)> _expired = [];
    private readonly DateTimeOffset _start;
    private readonly FixedDelayExpiry<string> _expiry;

    public FixedDelayExpiryTests()
    {
        _start = _clock.GetUtcNow();
        _expiry = new FixedDelayExpiry<string>(_clock, TimeSpan.FromSeconds(32), item => _expired.Add((item, _clock.GetUtcNow() - _start)));
    }

    [Fact]
    public void Each_item_expires_exactly_its_delay_after_it_was_added_in_order()
    {
        _expiry.Add("a");
        _clock.Advance(TimeSpan.FromSeconds(1));
        _expiry.Add("b");
        _expiry.Add("c");
        _clock.Advance(TimeSpan.FromSeconds(30.999));
        Assert.Empty(_expired);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([("a", TimeSpan.FromSeconds(32))], _expired);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["a", "b", "c"], _expired.Select(e => e.Item));
        Assert.Equal(TimeSpan.FromSeconds(33), _expired[2].At);
    }

    [Fact]
    public void An_item_added_after_the_queue_ran_dry_is_timed_afresh()
    {
        _expiry.Add("first");
        _clock.Advance(TimeSpan.FromSeconds(40));
        _expiry.Add("second");
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(["first"], _expired.Select(e => e.Item));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([("second", TimeSpan.FromSeconds(72))], _expired.Skip(1));
    }

    [Fact]
    public void One_timer_serves_every_item()
    {
        for (var i = 0; i < 1_000; i++)
        {
            _expiry.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(1, _clock.TimersCreated);
        _clock.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(1_000, _expired.Count);
    }

    private sealed class TimerCountingClock : FakeTimeProvider
    {
        public int TimersCreated { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            TimersCreated++;
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
