namespace Softswitch.Domain;

/// <summary>
/// The fixed windows alarms are evaluated on: windows are aligned to the epoch (a 15-minute window starts at :00, :15,
/// :30, :45 UTC), and a window is evaluated once it ended <see cref="Settle"/> ago, when its CDRs are stored.
/// </summary>
public static class AlarmWindows
{
    /// <summary>Time for calls of the window to end and be stored; calls still up then are not counted.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    /// <summary>The latest window of <paramref name="minutes"/> that ended at least <see cref="Settle"/> before <paramref name="now"/>.</summary>
    public static (DateTime Start, DateTime End) LastComplete(DateTime now, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        var length = TimeSpan.FromMinutes(minutes).Ticks;
        var end = (now - Settle).Ticks / length * length;
        return (new DateTime(end - length, DateTimeKind.Utc), new DateTime(end, DateTimeKind.Utc));
    }

    public static string Key(DateTime windowStart) => windowStart.ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture);
}
