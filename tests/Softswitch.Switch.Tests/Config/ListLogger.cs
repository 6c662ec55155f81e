using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Tests.Config;

/// <summary>Keeps every entry logged, with its structured values, so a test can assert what an operator would see.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LoggedEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue(new LoggedEntry(logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
    }
}

public sealed record LoggedEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);
