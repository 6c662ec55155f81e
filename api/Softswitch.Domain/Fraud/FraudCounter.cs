namespace Softswitch.Domain.Fraud;

/// <summary>One counter of the in-process store, changed under its partition's lock.</summary>
internal sealed class FraudCounter
{
    private readonly string?[] _evidence = new string?[DynamicBlacklistEntry.MaxEvidence];
    private int _noted;

    /// <summary>When the window ends (UTC ticks); <see cref="long.MaxValue"/> for a count of calls up at once.</summary>
    public long ClosesAt { get; set; }

    public int Count { get; set; }

    public HashSet<string>? Members { get; set; }

    /// <summary>Opens a new window at <paramref name="now"/> when the last one has closed.</summary>
    public void Roll(long now, TimeSpan window)
    {
        if (Count != 0 && now < ClosesAt)
        {
            return;
        }

        ClosesAt = now + window.Ticks;
        Count = 0;
        Members?.Clear();
        _noted = 0;
    }

    public void Note(string callId) => _evidence[_noted++ % _evidence.Length] = callId;

    public string[] Evidence()
    {
        var kept = Math.Min(_noted, _evidence.Length);
        var calls = new string[kept];
        for (var i = 0; i < kept; i++)
        {
            calls[i] = _evidence[(_noted - kept + i) % _evidence.Length]!;
        }

        return calls;
    }
}
