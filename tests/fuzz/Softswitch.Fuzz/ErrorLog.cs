using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Softswitch.Fuzz;

/// <summary>
/// The switch turns a failure in a handler into a logged error (an exception never reaches the socket loop), so for
/// the fuzzer an error log is the crash. Errors are collected here and thrown on the fuzzing thread once the input
/// has been handled: afl-fuzz then keeps the input, and the process (which is afl's fork server) lives on.
/// </summary>
internal sealed class ErrorLog
{
    private readonly ConcurrentQueue<string> _errors = new();

    public ILogger<T> For<T>() => new Logger<T>(this);

    /// <summary>Throws with the first error logged since the last call, if any.</summary>
    public void ThrowIfAny()
    {
        if (_errors.TryDequeue(out var first))
        {
            _errors.Clear();
            throw new InvalidOperationException(first);
        }
    }

    private sealed class Logger<T>(ErrorLog log) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._errors.Enqueue($"{typeof(T).Name}: {formatter(state, exception)}: {exception}");
            }
        }
    }
}
