using Microsoft.Extensions.Logging;

namespace Softswitch.Fuzz;

/// <summary>
/// The switch turns a failure in a handler into a logged error (an exception never reaches the socket loop), so
/// for the fuzzer an error log is the crash: the process ends at once and afl-fuzz keeps the input.
/// </summary>
internal sealed class FailFastLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Environment.FailFast(formatter(state, exception), exception);
        }
    }
}
