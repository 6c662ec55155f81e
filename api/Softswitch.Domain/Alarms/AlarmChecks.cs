namespace Softswitch.Domain;

/// <summary>The threshold tests of the alarm kinds, free of I/O so each is tested alone.</summary>
public static class AlarmChecks
{
    public static bool IsLongCall(long durationMilliseconds, decimal thresholdSeconds) =>
        durationMilliseconds > thresholdSeconds * 1_000m;

    /// <summary>ASR in percent, rounded to 2 decimals; null below the minimum call count (too few calls to judge).</summary>
    public static decimal? Asr(long calls, long answered, int minimumCalls) =>
        calls == 0 || calls < minimumCalls ? null : Math.Round(answered * 100m / calls, 2, MidpointRounding.AwayFromZero);

    public static bool IsLowAsr(decimal? asr, decimal thresholdPercent) => asr is { } value && value < thresholdPercent;

    /// <summary>The usual hourly volume: the mean of the same hour over the previous days (a day without calls counts 0).</summary>
    public static decimal Baseline(IReadOnlyCollection<long> sameHourCalls, int days) =>
        days <= 0 ? 0m : Math.Round(sameHourCalls.Sum() / (decimal)days, 2, MidpointRounding.AwayFromZero);

    /// <summary>Above <paramref name="multiple"/> × the baseline, and at least the minimum call count (a quiet account's first calls are not a spike).</summary>
    public static bool IsTrafficSpike(long calls, decimal baseline, decimal multiple, int minimumCalls) =>
        calls >= Math.Max(1, minimumCalls) && calls > multiple * baseline;

    public static bool IsBurst(long events, decimal threshold) => events >= threshold;

    public static bool IsLowBalance(decimal balance, decimal threshold) => balance < threshold;

    /// <summary>
    /// A firing is suppressed under a suppress-all rule, or when the last notified firing about the same subject is
    /// less than the suppression window old.
    /// </summary>
    public static bool IsSuppressed(bool suppressAll, int suppressionMinutes, DateTime? lastNotifiedAt, DateTime now) =>
        suppressAll || (lastNotifiedAt is { } last && now - last < TimeSpan.FromMinutes(suppressionMinutes));
}
