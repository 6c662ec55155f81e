using System.Diagnostics;

namespace Softswitch.Interop.Tests.Fraud;

/// <summary>
/// One run of a sipvicious tool (Debian <c>sipvicious</c>: <c>svwar</c>, <c>svcrack</c>) bound to a loopback address,
/// killed if it outlives <see cref="Limit"/>. Its output is what the attacker learnt.
/// </summary>
internal static class SipviciousRun
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("sipvicious-").FullName,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return $"{await output}\n{await errors}";
    }
}
