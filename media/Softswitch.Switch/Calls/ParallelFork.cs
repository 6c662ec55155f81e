using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Parallel forking (RFC 3261 §16.7 inside the B2BUA's called side) over a phone's contacts: every branch rings at once,
/// the first to send an 18x is the one the caller hears, the first 2xx takes the call and every other pending branch
/// is to be cancelled (§16.10), a 6xx ends the search (§16.7 step 5), and when every branch has failed the caller gets
/// the best response (§16.7 step 6, <see cref="CallerFinalResponse"/>). Not thread-safe: one call's executor drives it.
/// </summary>
internal sealed class ParallelFork<TBranch>
    where TBranch : class
{
    /// <summary>Branches one call rings at once, whatever the phone has registered: each is an INVITE, a transaction and a timer.</summary>
    public const int MaxBranches = 5;

    private readonly List<TBranch> _pending = [];
    private readonly List<int> _failures = [];
    private TBranch? _heard;

    /// <summary>How many of <paramref name="contacts"/> ring, best q first, within the call's remaining INVITE budget.</summary>
    public static int BranchCount(int contacts, int inviteBudget) => Math.Max(0, Math.Min(MaxBranches, Math.Min(contacts, inviteBudget)));

    public int Pending => _pending.Count;

    public void Add(TBranch branch) => _pending.Add(branch);

    public bool Contains(TBranch branch) => _pending.Contains(branch);

    /// <summary>
    /// Whether an 18x of <paramref name="branch"/> goes to the caller. The caller has one early dialog with the switch
    /// (one To tag) and a dialog carries one answer (RFC 3264 §4), so only the first ringing branch is relayed, its
    /// session description included; the others' 18x add nothing the caller can use and are dropped.
    /// </summary>
    public bool Relays(TBranch branch)
    {
        _heard ??= branch;
        return ReferenceEquals(_heard, branch);
    }

    /// <summary>A branch answered: the fork is over; returns the other pending branches, which must be cancelled.</summary>
    public IReadOnlyList<TBranch> Answer(TBranch branch)
    {
        if (!_pending.Remove(branch))
        {
            throw new InvalidOperationException("Only a pending branch can answer.");
        }

        return TakePending();
    }

    /// <summary>
    /// A branch failed with <paramref name="status"/> (408 when its Timer C fired). Null while other branches are still
    /// pending; otherwise the caller's final status, and the fork is over (after a 6xx the branches still pending are
    /// left in <see cref="TakePending"/> to cancel).
    /// </summary>
    public int? Fail(TBranch branch, int status)
    {
        if (!_pending.Remove(branch))
        {
            throw new InvalidOperationException("Only a pending branch can fail.");
        }

        _failures.Add(status);
        if (status >= 600)
        {
            return status;
        }

        return _pending.Count == 0 ? CallerFinalResponse.Choose(_failures) : null;
    }

    /// <summary>Ends the fork: the branches still pending, for the caller to cancel.</summary>
    public IReadOnlyList<TBranch> TakePending()
    {
        var pending = _pending.ToArray();
        _pending.Clear();
        return pending;
    }
}
