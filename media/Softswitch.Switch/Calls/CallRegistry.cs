using System.Collections.Concurrent;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Finds the call a dialog belongs to by Call-ID and the switch's own tag: the To tag of a request the peer sends
/// in the dialog, or the From tag of a response to a request the switch sent.
/// </summary>
internal sealed class CallRegistry
{
    private readonly ConcurrentDictionary<(string CallId, string LocalTag), Call> _dialogs = new();
    private readonly ConcurrentDictionary<(string CallId, string FromTag), Call> _invites = new();

    public int DialogCount => _dialogs.Count;

    public void Add(DialogLeg leg, Call call) => _dialogs[(leg.CallId, leg.LocalTag)] = call;

    public void Remove(DialogLeg leg) => _dialogs.TryRemove((leg.CallId, leg.LocalTag), out _);

    /// <summary>
    /// Claims a caller's initial INVITE for <paramref name="call"/>. False when that INVITE (same Call-ID and From tag)
    /// already made a call, the <paramref name="owner"/>: a retransmission arriving after the 2xx ended its
    /// transaction (RFC 6026 §8.5).
    /// </summary>
    public bool TryClaimInvite(string callId, string fromTag, Call call, out Call owner)
    {
        owner = _invites.GetOrAdd((callId, fromTag), call);
        return owner == call;
    }

    public void ReleaseInvite(string callId, string fromTag) => _invites.TryRemove((callId, fromTag), out _);

    public int InviteCount => _invites.Count;

    public Call? FindInvite(string callId, string? fromTag) =>
        _invites.TryGetValue((callId, fromTag ?? ""), out var call) ? call : null;

    public Call? Find(string callId, string? localTag) =>
        localTag is not null && _dialogs.TryGetValue((callId, localTag), out var call) ? call : null;
}
