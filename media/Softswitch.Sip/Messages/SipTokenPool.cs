namespace Softswitch.Sip.Messages;

/// <summary>
/// Shares one string between the many messages that carry the same short token: a trunk's host, a dialled number
/// (in the Request-URI, the To and the outbound INVITE of one call), a parameter name such as <c>transport</c> or
/// <c>lr</c>, a value such as <c>udp</c>. Every held call keeps several parsed URIs, and without sharing each holds
/// its own copy of the same host and number. A fixed table of slots, each overwritten by the last
/// token that hashed to it: what any sender can put in it is bounded, and a miss only costs the allocation it saves.
/// </summary>
internal static class SipTokenPool
{
    /// <summary>Tokens longer than this are rarely repeated (tags, branches, Call-IDs) and are not pooled.</summary>
    public const int MaxLength = 40;

    private const int Slots = 4096; // a power of two
    private static readonly string?[] Table = new string?[Slots];

    public static string Get(ReadOnlySpan<char> token)
    {
        if (token.Length is 0 or > MaxLength)
        {
            return token.ToString();
        }

        ref var slot = ref Table[Hash(token) & (Slots - 1)];
        var pooled = Volatile.Read(ref slot);
        if (pooled is not null && token.SequenceEqual(pooled))
        {
            return pooled;
        }

        var created = token.ToString();
        Volatile.Write(ref slot, created);
        return created;
    }

    // FNV-1a over the UTF-16 units: cheap, and a sender who aims collisions at a slot only evicts its own entries.
    private static uint Hash(ReadOnlySpan<char> token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
