using System.Collections.Frozen;

namespace Softswitch.Switch.Config;

/// <summary>
/// Longest-prefix match of a callee against a tenant's routes. Plain route prefixes sit in a trie, one digit per level
/// (the API keeps them digits only); the empty prefix sits at the root and is the default route. A route with a callee
/// number group matches its prefix followed by each of the group's prefixes: those keys sit in a hash set probed once
/// per distinct key length longer than the plain match, so a large group costs a string per prefix, not a trie branch,
/// and a lookup allocates nothing. At the same length a plain prefix route beats a group route; where two group routes
/// produce the same key, the one added first (id order: the route created first) keeps it.
/// </summary>
internal sealed class RouteTrie
{
    private readonly Node _root = new();
    private FrozenDictionary<string, RouteEntry>.AlternateLookup<ReadOnlySpan<char>> _groupKeys =
        FrozenDictionary<string, RouteEntry>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();
    private int[] _groupKeyLengths = [];

    /// <summary>Adds every route; call once, with the routes in id order.</summary>
    public void AddAll(IEnumerable<RouteEntry> routes)
    {
        var groupKeys = new Dictionary<string, RouteEntry>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            if (route.CalleeGroupPrefixes is not { } groupPrefixes)
            {
                AddPlain(route);
                continue;
            }

            foreach (var groupPrefix in groupPrefixes)
            {
                var key = route.Prefix.Length == 0 ? groupPrefix : route.Prefix + groupPrefix;
                if (key.Length > 0 && !key.AsSpan().ContainsAnyExceptInRange('0', '9'))
                {
                    groupKeys.TryAdd(key, route);
                }
            }
        }

        _groupKeys = groupKeys.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _groupKeyLengths = [.. groupKeys.Keys.Select(k => k.Length).Distinct().OrderDescending()];
    }

    /// <summary>The route with the longest prefix that starts <paramref name="callee"/>, or null when none (not even a default) matches.</summary>
    public RouteEntry? Find(ReadOnlySpan<char> callee)
    {
        var node = _root;
        var best = node.Route;
        var bestLength = 0;
        for (var i = 0; i < callee.Length; i++)
        {
            var c = callee[i];
            if (!char.IsAsciiDigit(c) || node.Children[c - '0'] is not { } next)
            {
                break;
            }

            node = next;
            if (node.Route is { } route)
            {
                (best, bestLength) = (route, i + 1);
            }
        }

        foreach (var length in _groupKeyLengths)
        {
            if (length <= bestLength)
            {
                break;
            }

            if (length <= callee.Length && _groupKeys.TryGetValue(callee[..length], out var group))
            {
                return group;
            }
        }

        return best;
    }

    private void AddPlain(RouteEntry route)
    {
        var node = _root;
        foreach (var c in route.Prefix)
        {
            if (!char.IsAsciiDigit(c))
            {
                return;
            }

            node = node.Children[c - '0'] ??= new Node();
        }

        node.Route ??= route;
    }

    private sealed class Node
    {
        public Node?[] Children { get; } = new Node?[10];

        public RouteEntry? Route { get; set; }
    }
}
