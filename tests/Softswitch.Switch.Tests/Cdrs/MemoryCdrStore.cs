using System.Collections.Concurrent;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Tests.Cdrs;

/// <summary>An idempotent store like the database one: a known id is skipped, and counted.</summary>
internal sealed class MemoryCdrStore : ICdrStore
{
    public ConcurrentDictionary<string, CallDetailRecord> Records { get; } = new();

    public int Duplicates { get; private set; }

    public int FailuresLeft { get; set; }

    public Task StoreAsync(IReadOnlyList<CallDetailRecord> batch, CancellationToken cancellationToken)
    {
        if (FailuresLeft-- > 0)
        {
            throw new IOException("database unavailable");
        }

        foreach (var record in batch)
        {
            if (!Records.TryAdd(record.Id, record))
            {
                Duplicates++;
            }
        }

        return Task.CompletedTask;
    }
}
