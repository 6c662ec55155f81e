using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// Writes the switch's warnings and errors to the output of the test that built the rig, so a test that fails on a
/// loaded CI machine shows what the switch logged (a swallowed exception, a dropped message) beside its assertion.
/// </summary>
internal sealed class TestOutputLogger<T> : ILogger<T>
{
    private readonly ITestOutputHelper? _output = TestContext.Current.TestOutputHelper;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => _output is not null && logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        try
        {
            _output!.WriteLine($"{typeof(T).Name} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test has ended (a call's last work can outlive it); its output is closed.
        }
    }
}
