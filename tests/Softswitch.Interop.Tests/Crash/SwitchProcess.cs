using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Softswitch.Interop.Tests.Infrastructure;

namespace Softswitch.Interop.Tests.Crash;

/// <summary>
/// The product as its own OS process (roles api,switch), so a test can kill it with SIGKILL and start it again on
/// the same data folder. It runs the Softswitch.Api assembly copied next to the tests, with this test assembly's
/// runtime config and dependency list, which include everything the API needs.
/// </summary>
public sealed class SwitchProcess : IAsyncDisposable
{
    // A fresh data folder runs every migration (three rebuild a table on SQLite) before the host listens: 26 s at a load
    // average of 19 beside the other interop classes.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ProcessOutputTail _output = new();

    private SwitchProcess(Process process, Uri api)
    {
        _process = process;
        ApiBase = api;
    }

    public Uri ApiBase { get; }

    /// <summary>The last lines the switch printed, for failure messages.</summary>
    public string Output => _output.ToString();

    /// <param name="settings">More environment settings (<c>Softswitch__Webhooks__AllowPrivateTargets</c>…).</param>
    public static async Task<SwitchProcess> StartAsync(
        string dataDir, int sipPort, int httpPort, string platformKey, IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseDir = AppContext.BaseDirectory;
        var testAssembly = typeof(SwitchProcess).Assembly.GetName().Name!;
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = dataDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
                     "exec",
                     "--runtimeconfig", Path.Combine(baseDir, testAssembly + ".runtimeconfig.json"),
                     "--depsfile", Path.Combine(baseDir, testAssembly + ".deps.json"),
                     Path.Combine(baseDir, "Softswitch.Api.dll"),
                     "--urls", $"http://127.0.0.1:{httpPort}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Softswitch__DataDir"] = dataDir;
        start.Environment["Softswitch__PlatformAdminKey"] = platformKey;
        start.Environment["Softswitch__SeedDemo"] = "false";
        start.Environment["Softswitch__Roles"] = "api,switch";
        start.Environment["Softswitch__Sip__Address"] = "127.0.0.1";
        // SIPp drives hundreds of calls a second from 127.0.0.1: a trusted peer, alerted on but never banned.
        start.Environment["Softswitch__Fraud__TrustedAddresses"] = "127.0.0.1/32";
        start.Environment["Softswitch__Sip__Port"] = sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the switch process.");
        var running = new SwitchProcess(process, new Uri($"http://127.0.0.1:{httpPort}/"));
        running._output.Follow(process);
        try
        {
            await running.WaitUntilReadyAsync();
        }
        catch
        {
            // A switch that never became ready must not outlive the test and load the tests after it.
            await running.DisposeAsync();
            throw;
        }

        return running;
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The switch exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync("healthz/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The switch was not ready within {StartTimeout}:\n{Output}");
    }

    /// <summary>The dotnet host that runs this test process: three folders above the shared runtime's.</summary>
    private static string DotnetHost()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
