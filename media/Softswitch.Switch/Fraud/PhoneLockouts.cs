using System.Collections.Concurrent;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// Failed authentications per phone (VOS <c>SS_CALLAUTH_INVALID_COUNT</c>) and the phones suspended for them. A
/// suspension holds in memory from the moment it is decided until the configuration snapshot no longer lists the
/// phone (its stored status is then suspended); an API call that reactivates the phone brings it back.
/// Only phones of the snapshot are counted, so the table is bounded by the phones provisioned.
/// </summary>
internal sealed class PhoneLockouts(ISwitchConfigSource config)
{
    private readonly Dictionary<(string Realm, string User), WindowCount> _failures = [];
    private readonly ConcurrentDictionary<(string Realm, string User), string> _suspended = new();
    private readonly Lock _lock = new();

    /// <summary>Counts a failure of a provisioned phone; null (and nothing counted) when the user is not one.</summary>
    public (PhoneEntry Phone, int Failures)? CountFailure(string realm, string user, DateTimeOffset now, TimeSpan window)
    {
        if (config.Current.FindPhone(realm, user) is not { } phone)
        {
            return null;
        }

        lock (_lock)
        {
            var key = (realm.ToLowerInvariant(), user);
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_failures, key, out _);
            return (phone, count.Add(now, window));
        }
    }

    public void Succeeded(string realm, string user)
    {
        lock (_lock)
        {
            _failures.Remove((realm.ToLowerInvariant(), user));
        }
    }

    /// <summary>Suspends the phone; false when it already was.</summary>
    public bool Suspend(string realm, PhoneEntry phone)
    {
        Succeeded(realm, phone.Username);
        return _suspended.TryAdd((realm.ToLowerInvariant(), phone.Username), phone.Id);
    }

    public bool IsSuspended(string realm, string user)
    {
        var key = (realm.ToLowerInvariant(), user);
        if (!_suspended.ContainsKey(key))
        {
            return false;
        }

        // Once the snapshot leaves the phone out, its stored status holds the suspension; this entry has done its job.
        if (config.Current.FindPhone(realm, user) is null)
        {
            _suspended.TryRemove(key, out _);
        }

        return true;
    }
}
