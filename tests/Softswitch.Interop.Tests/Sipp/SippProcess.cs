using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Softswitch.Interop.Tests.Infrastructure;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>
/// One running SIPp, UAC or UAS, on 127.0.0.1 with free ports. Every wait is bounded: SIPp fails itself at
/// <see cref="SippOptions.Timeout"/> and is killed if it is still alive <see cref="KillGrace"/> later. Disposal kills
/// a SIPp still running and deletes its run folder.
/// </summary>
public sealed class SippProcess : IAsyncDisposable
{
    private const int BindFailureExitCode = 254;
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartupPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly SippRunFiles _files;
    private readonly SippPorts _ports;
    private readonly IPAddress _address;
    private readonly ProcessOutputTail _standardError = new();
    private readonly CancellationTokenSource _hardDeadline;
    private Task<SippResult>? _result;

    private SippProcess(SippOptions options)
    {
        _ports = SippPorts.Allocate(options.Transport);
        _address = IPAddress.Parse(options.LocalAddress);
        _files = SippRunFiles.Create();
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _files.Directory,
        };
        foreach (var argument in SippArguments.For(options, _ports, _files))
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.Start();
        // SIPp repaints its screen on stdout every second; the final screen is read from -trace_screen instead.
        _standardError.Follow(_process, keepStandardOutput: false);
        _hardDeadline = new CancellationTokenSource(options.Timeout + KillGrace);
    }

    /// <summary>Where SIPp sends and receives SIP: give it to the switch as a gateway's address.</summary>
    public IPEndPoint SipEndPoint => new(_address, _ports.Sip);

    public int SipPort => _ports.Sip;

    /// <summary>
    /// Starts SIPp and waits until its SIP socket is bound, so a UAS is ready for calls when this returns. A port taken
    /// by another process between allocation and SIPp's bind gets a retry on fresh ports.
    /// </summary>
    public static async Task<SippProcess> StartAsync(SippOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sipp = new SippProcess(options);
            try
            {
                await sipp.WaitUntilBoundOrExitedAsync();
            }
            catch (TimeoutException)
            {
                await sipp.DisposeAsync();
                throw;
            }

            if (!sipp._process.HasExited)
            {
                return sipp;
            }

            var result = await sipp.WaitForExitAsync();
            if (!IsBindFailure(result))
            {
                return sipp;
            }

            await sipp.DisposeAsync();
            if (attempt == StartAttempts)
            {
                throw new InvalidOperationException($"SIPp could not bind its ports in {StartAttempts} attempts.{Environment.NewLine}{result}");
            }
        }
    }

    /// <summary>Waits for SIPp to exit on its own (all calls done, or its timeout), at most until the hard deadline.</summary>
    public Task<SippResult> WaitForExitAsync() => _result ??= CollectAsync();

    /// <summary>
    /// Asks SIPp to stop through its control port, as pressing 'q' does: no new calls, calls in progress finish. A
    /// SIPp still running <see cref="StopGrace"/> later is killed.
    /// </summary>
    public async Task<SippResult> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var control = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                await control.SendToAsync("q"u8.ToArray(), new IPEndPoint(_address, _ports.Control));
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(StopGrace);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        return await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(KillGrace);
        }

        _process.Dispose();
        _hardDeadline.Dispose();
        _files.Delete();
    }

    private async Task WaitUntilBoundOrExitedAsync()
    {
        var limit = Stopwatch.StartNew();
        while (!_process.HasExited && !_ports.SipIsBound)
        {
            if (limit.Elapsed > StartupLimit)
            {
                throw new TimeoutException($"SIPp did not bind {_ports.SipProtocol} port {_ports.Sip} within {StartupLimit.TotalSeconds} s.");
            }

            await Task.Delay(StartupPoll);
        }
    }

    private async Task<SippResult> CollectAsync()
    {
        var timedOut = false;
        try
        {
            await _process.WaitForExitAsync(_hardDeadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(KillGrace);
        }

        // The parameterless wait also drains the redirected streams.
        await _process.WaitForExitAsync().WaitAsync(KillGrace);
        return new SippResult(
            _process.ExitCode,
            timedOut,
            SippCallCounts.FromStatistics(_files.Read(_files.Statistics)),
            _files.Read(_files.Errors).Trim(),
            _standardError.ToString().Trim(),
            _files.Read(_files.Screen).Trim(),
            _files.Read(_files.Log).Trim(),
            _files.Read(_files.Messages).Trim())
        {
            ResponseTimes = SippResponseTimes.FromCsv(_files.ReadResponseTimes()),
        };
    }

    private static bool IsBindFailure(SippResult result) =>
        result.ExitCode == BindFailureExitCode || result.Errors.Contains("Unable to bind", StringComparison.Ordinal);

    private static string Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "sipp"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("SIPp is not installed: apt-get install sip-tester.");
}
