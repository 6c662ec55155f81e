using Softswitch.Domain;

namespace Softswitch.Api.Tests.Alarms;

/// <summary>Issue 9 §8: the threshold tests, windows, work calendar and suppression of the alarm kinds.</summary>
public sealed class AlarmChecksTests
{
    private static readonly DateTime Monday10 = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(3_600_000, 3_600, false)]
    [InlineData(3_600_001, 3_600, true)]
    public void A_call_is_long_only_past_the_threshold(long milliseconds, int seconds, bool expected) =>
        Assert.Equal(expected, AlarmChecks.IsLongCall(milliseconds, seconds));

    [Fact]
    public void Asr_is_judged_only_from_the_minimum_call_count()
    {
        Assert.Null(AlarmChecks.Asr(9, 0, minimumCalls: 10));
        Assert.Equal(20m, AlarmChecks.Asr(10, 2, minimumCalls: 10));
        Assert.Equal(33.33m, AlarmChecks.Asr(3, 1, minimumCalls: 0));
        Assert.True(AlarmChecks.IsLowAsr(20m, 30m));
        Assert.False(AlarmChecks.IsLowAsr(30m, 30m));
        Assert.False(AlarmChecks.IsLowAsr(null, 30m));
    }

    [Fact]
    public void Traffic_is_a_spike_above_the_multiple_of_the_same_hours_mean_and_the_minimum()
    {
        var baseline = AlarmChecks.Baseline([70], days: 7);
        Assert.Equal(10m, baseline);
        Assert.False(AlarmChecks.IsTrafficSpike(30, baseline, multiple: 3m, minimumCalls: 5));
        Assert.True(AlarmChecks.IsTrafficSpike(31, baseline, multiple: 3m, minimumCalls: 5));
        Assert.False(AlarmChecks.IsTrafficSpike(4, 0m, multiple: 3m, minimumCalls: 5));
        Assert.True(AlarmChecks.IsTrafficSpike(5, 0m, multiple: 3m, minimumCalls: 5));
    }

    [Fact]
    public void Windows_are_aligned_and_judged_once_settled()
    {
        var (start, end) = AlarmWindows.LastComplete(new DateTime(2026, 12, 7, 10, 16, 59, DateTimeKind.Utc), 15);
        Assert.Equal((new DateTime(2026, 12, 7, 9, 45, 0), new DateTime(2026, 12, 7, 10, 0, 0)), (start, end));
        Assert.Equal(new DateTime(2026, 12, 7, 10, 0, 0), AlarmWindows.LastComplete(new DateTime(2026, 12, 7, 10, 17, 0, DateTimeKind.Utc), 15).Start);
        Assert.Equal("2026-12-07T09:45Z", AlarmWindows.Key(start));
    }

    [Fact]
    public void The_work_calendar_reads_local_time_and_night_shifts()
    {
        var office = new WorkCalendar { TimeZone = "America/New_York" };
        Assert.False(office.IsWorkingTime(Monday10));
        Assert.True(office.IsWorkingTime(Monday10.AddHours(5)));
        Assert.False(office.IsWorkingTime(Monday10.AddDays(-2).AddHours(5)));

        var nights = new WorkCalendar { Days = [DayOfWeek.Monday], StartMinute = 22 * 60, EndMinute = 6 * 60 };
        Assert.True(nights.IsWorkingTime(Monday10.AddHours(13)));
        Assert.True(nights.IsWorkingTime(Monday10.AddHours(19)));
        Assert.False(nights.IsWorkingTime(Monday10.AddHours(21)));
        Assert.False(nights.IsWorkingTime(Monday10.AddDays(-1).AddHours(13)));
    }

    [Fact]
    public void A_firing_within_the_window_of_the_last_notified_one_or_under_suppress_all_is_suppressed()
    {
        Assert.False(AlarmChecks.IsSuppressed(suppressAll: false, 60, lastNotifiedAt: null, Monday10));
        Assert.True(AlarmChecks.IsSuppressed(suppressAll: false, 60, Monday10.AddMinutes(-59), Monday10));
        Assert.False(AlarmChecks.IsSuppressed(suppressAll: false, 60, Monday10.AddMinutes(-60), Monday10));
        Assert.True(AlarmChecks.IsSuppressed(suppressAll: true, 0, lastNotifiedAt: null, Monday10));
    }

    [Fact]
    public void A_burst_is_at_least_the_threshold_and_a_low_balance_strictly_below() =>
        Assert.Equal((true, false, true, false), (AlarmChecks.IsBurst(5, 5m), AlarmChecks.IsBurst(4, 5m), AlarmChecks.IsLowBalance(9.99m, 10m), AlarmChecks.IsLowBalance(10m, 10m)));
}
