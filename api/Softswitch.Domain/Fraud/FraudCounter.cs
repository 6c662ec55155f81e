using System.Runtime.CompilerServices;

namespace Softswitch.Domain.Fraud;

/// <summary>
/// One counter of the in-process store, held by value in its partition's table and changed through a reference under
/// the partition's lock: a new subject costs a table slot, not objects of its own that would live for a window and
/// then burden the collector.
/// </summary>
internal struct FraudCounter
{
    private EvidenceCalls _evidence;
    private int _noted;

    /// <summary>When the window ends (UTC ticks); <see cref="long.MaxValue"/> for a count of calls up at once.</summary>
    public long ClosesAt;

    public int Count;

    /// <summary>The window's distinct members, for a distinct-destination counter only.</summary>
    public DistinctMembers? Members;

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

    public void Note(string callId) => _evidence[_noted++ % DynamicBlacklistEntry.MaxEvidence] = callId;

    public readonly string[] Evidence()
    {
        var kept = Math.Min(_noted, DynamicBlacklistEntry.MaxEvidence);
        var calls = new string[kept];
        for (var i = 0; i < kept; i++)
        {
            calls[i] = _evidence[(_noted - kept + i) % DynamicBlacklistEntry.MaxEvidence]!;
        }

        return calls;
    }

    [InlineArray(DynamicBlacklistEntry.MaxEvidence)]
    private struct EvidenceCalls
    {
        private string? _call;
    }
}
