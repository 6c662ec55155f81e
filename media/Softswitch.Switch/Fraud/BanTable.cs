using System.Collections.Concurrent;
using System.Net;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// Banned sources, read on every datagram without a lock. An expired ban stays as the memory of the offence for
/// <see cref="BanLengths.RepeatOffence"/>, so the next ban of that source is twice as long (up to
/// <see cref="BanLengths.Max"/>). Bounded: when full, forgotten offences are dropped first, then the oldest bans.
/// </summary>
internal sealed class BanTable(int capacity, BanLengths lengths)
{
    private volatile BanLengths _lengths = lengths;

    private readonly ConcurrentDictionary<IPAddress, Ban> _bans = new();
    private readonly Lock _write = new();

    /// <summary>The lengths new bans get; a change leaves bans in force as they are.</summary>
    public BanLengths Lengths
    {
        get => _lengths;
        set => _lengths = value;
    }

    public bool IsBanned(IPAddress source, DateTimeOffset now) => _bans.TryGetValue(source, out var ban) && now < ban.ExpiresAt;

    public Ban? Find(IPAddress source) => _bans.GetValueOrDefault(source);

    public int ActiveCount(DateTimeOffset now) => _bans.Values.Count(b => now < b.ExpiresAt);

    /// <summary>Bans <paramref name="source"/> from <paramref name="now"/>, for longer if it offended recently.</summary>
    public Ban Add(IPAddress source, string rule, DateTimeOffset now)
    {
        lock (_write)
        {
            var lengths = _lengths;
            var offence = _bans.TryGetValue(source, out var previous) && now - previous.ExpiresAt < lengths.RepeatOffence ? previous.Offence + 1 : 1;
            var length = lengths.First * Math.Pow(2, Math.Min(offence - 1, 30));
            var ban = new Ban(rule, now, now + (length < lengths.Max ? length : lengths.Max), offence);
            if (previous is null && _bans.Count >= capacity)
            {
                MakeRoom(now);
            }

            _bans[source] = ban;
            return ban;
        }
    }

    /// <summary>Holds a ban decided elsewhere (the threat feed's) as long as it says, unless a longer one is already in force.</summary>
    public void Import(IPAddress source, string rule, DateTimeOffset bannedAt, DateTimeOffset expiresAt)
    {
        lock (_write)
        {
            var previous = _bans.GetValueOrDefault(source);
            if (previous is not null && previous.ExpiresAt >= expiresAt)
            {
                return;
            }

            if (previous is null && _bans.Count >= capacity)
            {
                MakeRoom(bannedAt);
            }

            _bans[source] = new Ban(rule, previous?.BannedAt ?? bannedAt, expiresAt, previous?.Offence ?? 1);
        }
    }

    /// <summary>
    /// Lifts the ban an operator lifted at <paramref name="liftedAt"/>, with the memory of its offences; a ban raised
    /// after the lift stays. True when there was one to lift.
    /// </summary>
    public bool Lift(IPAddress source, DateTimeOffset liftedAt)
    {
        lock (_write)
        {
            return _bans.TryGetValue(source, out var ban) && ban.BannedAt <= liftedAt && _bans.TryRemove(source, out _);
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        var repeatOffence = _lengths.RepeatOffence;
        foreach (var (source, _) in _bans.Where(b => now - b.Value.ExpiresAt >= repeatOffence))
        {
            _bans.TryRemove(source, out _);
        }

        // Still full of live bans: the oldest tenth goes, so this scan runs once per tenth of the table.
        if (_bans.Count >= capacity)
        {
            foreach (var (source, _) in _bans.OrderBy(b => b.Value.BannedAt).Take(Math.Max(1, capacity / 10)).ToList())
            {
                _bans.TryRemove(source, out _);
            }
        }
    }
}

/// <summary>How long bans last: the first, the longest a repeat offender's doubling reaches, and how long an offence is remembered.</summary>
internal sealed record BanLengths(TimeSpan First, TimeSpan Max, TimeSpan RepeatOffence)
{
    public static BanLengths From(SignallingGuardOptions options) => new(
        TimeSpan.FromSeconds(options.BanSeconds), TimeSpan.FromSeconds(options.MaxBanSeconds), TimeSpan.FromSeconds(options.RepeatOffenceSeconds));
}
