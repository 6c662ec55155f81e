using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Softswitch.Interop.Tests.Infrastructure;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// The baresip OS process on its own configuration directory: its output kept for failure messages, every wait on it
/// bounded, and killed on dispose if it has not quit by then.
/// </summary>
internal sealed class BaresipProcess : IAsyncDisposable
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly BaresipConfigDirectory _directory;
    private readonly ProcessOutputTail _output = new();
    private readonly CancellationTokenSource _exited = new();

    private BaresipProcess(Process process, BaresipConfigDirectory directory)
    {
        _process = process;
        _directory = directory;
    }

    public string State => _process.HasExited
        ? string.Create(CultureInfo.InvariantCulture, $"exited with code {_process.ExitCode}")
        : "running";

    public string Output => _output.ToString();

    public static BaresipProcess Start(BaresipConfigDirectory directory, TimeSpan maxLifetime)
    {
        var startInfo = new ProcessStartInfo("baresip")
        {
            UseShellExecute = false,
            // Redirected so that baresip never reads the test runner's terminal.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("-f");
        startInfo.ArgumentList.Add(directory.Path);
        startInfo.ArgumentList.Add("-t");
        startInfo.ArgumentList.Add(((int)maxLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));

        var baresip = new BaresipProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true }, directory);
        baresip._process.Exited += (_, _) => baresip._exited.Cancel();
        try
        {
            baresip._process.Start();
        }
        catch
        {
            baresip._process.Dispose();
            baresip._exited.Dispose();
            directory.Dispose();
            throw;
        }

        baresip._output.Follow(baresip._process);
        return baresip;
    }

    /// <summary>
    /// Runs an operation that baresip has to complete, within <paramref name="timeout"/> and only while baresip runs.
    /// A failure says what was being done and carries <paramref name="context"/> and what baresip printed.
    /// </summary>
    public async Task<T> WithinAsync<T>(
        string doing, TimeSpan timeout, Func<CancellationToken, Task<T>> operation, Func<string> context)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(_exited.Token);
        bound.CancelAfter(timeout);
        try
        {
            return await operation(bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !_exited.IsCancellationRequested)
        {
            throw new TimeoutException(Describe($"timed out after {timeout.TotalSeconds:0.#} s {doing}", context));
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ChannelClosedException)
        {
            throw new InvalidOperationException(Describe($"stopped answering while {doing}", context), error);
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
            return true;
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        // Exited handlers run in subscription order, so once this wait is over the token is cancelled and can go.
        if (!await WaitForExitAsync(KillTimeout))
        {
            throw new TimeoutException($"baresip did not exit {KillTimeout.TotalSeconds} s after SIGKILL.");
        }

        _process.Dispose();
        _exited.Dispose();
        _directory.Dispose();
    }

    private string Describe(string problem, Func<string> context) =>
        $"baresip {problem}; it is {State}.\n{context()}\n--- baresip output ---\n{Output}";
}
