using System.Collections.Concurrent;
using Softswitch.Sip.Transactions;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Finds the call a dialog belongs to by Call-ID and the switch's own tag: the To tag of a request the peer sends
/// in the dialog, or the From tag of a response to a request the switch sent.
/// </summary>
internal sealed class CallRegistry
{
    private readonly ConcurrentDictionary<(string CallId, string LocalTag), Call> _dialogs = new();
    private readonly ConcurrentDictionary<(string CallId, string FromTag), InviteClaim> _invites = new();
    private readonly FixedDelayExpiry<InviteClaim> _endedClaims;

    /// <param name="claimLinger">How long an ended call's INVITE stays claimed (64*T1).</param>
    public CallRegistry(TimeProvider time, TimeSpan claimLinger)
    {
        _endedClaims = new FixedDelayExpiry<InviteClaim>(time, claimLinger, ReleaseInvite);
    }

    public int DialogCount => _dialogs.Count;

    public int InviteClaimCount => _invites.Count;

    public void Add(DialogLeg leg, Call call) => _dialogs[(leg.CallId, leg.LocalTag)] = call;

    public void Remove(DialogLeg leg) => _dialogs.TryRemove((leg.CallId, leg.LocalTag), out _);

    /// <summary>
    /// Claims a caller's initial INVITE. False when that INVITE (same Call-ID and From tag) already made a call, whose
    /// claim is <paramref name="owner"/>: a copy arriving after the 2xx ended its transaction (RFC 6026 §8.5).
    /// </summary>
    public bool TryClaimInvite(InviteClaim claim, out InviteClaim owner)
    {
        owner = _invites.GetOrAdd((claim.CallId, claim.FromTag), claim);
        return owner == claim;
    }

    /// <summary>
    /// Keeps an ended call's INVITE claimed for the linger time, so a late copy of it cannot start a second call; every
    /// ended claim shares one queue and one timer instead of a timer each.
    /// </summary>
    public void LingerInvite(InviteClaim claim) => _endedClaims.Add(claim);

    private void ReleaseInvite(InviteClaim claim) => _invites.TryRemove(new KeyValuePair<(string, string), InviteClaim>((claim.CallId, claim.FromTag), claim));

    public Call? FindInvite(string callId, string? fromTag) =>
        _invites.TryGetValue((callId, fromTag ?? ""), out var claim) ? claim.Call : null;

    public Call? Find(string callId, string? localTag) =>
        localTag is not null && _dialogs.TryGetValue((callId, localTag), out var call) ? call : null;
}
