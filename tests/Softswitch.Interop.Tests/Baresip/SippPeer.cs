using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// SIPp 3.6.1 playing one call of a scenario on 127.0.0.1, the far end in the harness's self-tests. It quits after
/// that call (<c>-m 1</c>) with exit code 0 if the call went as scripted, and fails by itself after a global timeout.
/// </summary>
internal sealed class SippPeer : IAsyncDisposable
{
    private static readonly TimeSpan GlobalTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly ProcessOutputTail _output = new();
    private readonly string _directory;

    private SippPeer(Process process, string directory, IPEndPoint endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    /// <summary>Where SIPp takes SIP, on UDP.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The built-in UAS: answers one INVITE with 180 and 200, then waits for the BYE.</summary>
    public static SippPeer StartUas() => Start(_ => ["-sn", "uas"]);

    /// <summary>The built-in UAC: calls <c>sip:USER@TARGET</c> and sends BYE as soon as the call is up.</summary>
    public static SippPeer StartUac(string user, IPEndPoint target) =>
        Start(_ => ["-sn", "uac", "-s", user, target.ToString()]);

    /// <summary>Answers one phone's REGISTER and its un-REGISTER with 200 OK (<see cref="SippRegistrarScenario"/>).</summary>
    public static SippPeer StartRegistrar() => Start(directory =>
    {
        var scenario = Path.Combine(directory, "registrar.xml");
        File.WriteAllText(scenario, SippRegistrarScenario.Xml);
        return ["-sf", scenario];
    });

    /// <summary>Waits for the one call to finish and returns SIPp's exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            throw new TimeoutException($"SIPp still running after {timeout.TotalSeconds} s.\n--- SIPp output ---\n{Output}");
        }

        return _process.ExitCode;
    }

    public string Output => _output.ToString();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(KillTimeout);
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static SippPeer Start(Func<string, string[]> scenarioArguments)
    {
        var port = LoopbackPorts.ForUdp();
        var controlPort = LoopbackPorts.ForUdp(port);
        var mediaPort = LoopbackPorts.ForUdp(port, controlPort);
        var directory = Directory.CreateTempSubdirectory("sipp-").FullName;
        var startInfo = new ProcessStartInfo("sipp")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // SIPp writes its logs and error files to the working directory.
            WorkingDirectory = directory,
        };
        string[] common =
        [
            "-i", "127.0.0.1",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-cp", controlPort.ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture),
            "-m", "1",
            "-nostdin",
            "-timeout", $"{GlobalTimeout.TotalSeconds}s",
            "-timeout_error",
        ];
        foreach (var argument in common.Concat(scenarioArguments(directory)))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            Directory.Delete(directory, recursive: true);
            throw;
        }

        var peer = new SippPeer(process, directory, new IPEndPoint(IPAddress.Loopback, port));
        peer._output.Follow(process);
        return peer;
    }
}
